//! `scriptlint lsp`: a language server on stdio, so writers see squiggles while they type.
//!
//! It publishes diagnostics when a document opens and, debounced, after it changes; offers each
//! suggestion as a quick fix; shows a rule's `explain` text on hover; and reads the workspace's
//! `scriptlint.toml`, reloading it when a `.toml` file is saved or changes on disk. Positions are
//! in UTF-16 code units, as the protocol requires.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossbeam_channel::RecvTimeoutError;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, RegisterCapability, Request as _};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, Diagnostic as LspDiagnostic, DiagnosticSeverity,
    DidChangeTextDocumentParams, DidChangeWatchedFilesRegistrationOptions,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams,
    FileSystemWatcher, GlobPattern, Hover, HoverContents, HoverParams, HoverProviderCapability,
    InitializeParams, MarkupContent, MarkupKind, MessageType, NumberOrString, Position,
    PublishDiagnosticsParams, Range, Registration, RegistrationParams, SaveOptions,
    ServerCapabilities, ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, TextEdit, Uri, WorkspaceEdit,
};

use crate::config::{self, Overrides, Settings};
use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::lint::Linter;
use crate::report::catalog;
use crate::rules::Severity;
use crate::text::LineIndex;

/// How long after the last keystroke a changed document is checked.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// A failure of the protocol itself (a client that breaks it, a closed stream).
#[derive(Debug, thiserror::Error)]
#[error("language server: {0}")]
pub struct LspError(String);

/// Runs the server on stdin/stdout until the client shuts it down.
pub fn run_stdio() -> Result<(), LspError> {
    let (connection, io_threads) = Connection::stdio();
    serve(&connection)?;
    drop(connection);
    io_threads.join().map_err(|e| LspError(e.to_string()))
}

fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// Serves one client on `connection`.
pub fn serve(connection: &Connection) -> Result<(), LspError> {
    let caps = serde_json::to_value(capabilities()).map_err(|e| LspError(e.to_string()))?;
    let params = connection
        .initialize(caps)
        .map_err(|e| LspError(e.to_string()))?;
    let params: InitializeParams =
        serde_json::from_value(params).map_err(|e| LspError(e.to_string()))?;
    colored::control::set_override(false);
    let root = workspace_root(&params)
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let mut server = Server {
        connection,
        settings: None,
        root,
        docs: HashMap::new(),
        dirty: HashSet::new(),
    };
    server.reload_config();
    if watches_files(&params) {
        server.watch_config()?;
    }
    server.main_loop()
}

/// Whether the client lets the server ask to be told about changed files.
fn watches_files(params: &InitializeParams) -> bool {
    params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.did_change_watched_files.as_ref())
        .and_then(|c| c.dynamic_registration)
        .unwrap_or(false)
}

#[allow(deprecated)] // `root_uri` is still what many clients send.
fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    params
        .workspace_folders
        .as_ref()
        .and_then(|f| f.first())
        .map(|f| &f.uri)
        .or(params.root_uri.as_ref())
        .and_then(uri_to_path)
}

/// The local path of a `file:` URI, percent-decoded.
fn uri_to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(PathBuf::from(String::from_utf8_lossy(&out).into_owned()))
}

/// One open document and its last findings, each with the LSP diagnostic published for it (so
/// code actions and hover reuse its range instead of converting positions again).
struct Doc {
    text: String,
    version: Option<i32>,
    findings: Vec<(Diagnostic, LspDiagnostic)>,
}

struct Server<'a> {
    connection: &'a Connection,
    /// `None` when the workspace config is invalid (the error was shown to the user).
    settings: Option<Settings>,
    root: PathBuf,
    docs: HashMap<Uri, Doc>,
    /// Documents changed since they were last checked.
    dirty: HashSet<Uri>,
}

impl Server<'_> {
    fn main_loop(&mut self) -> Result<(), LspError> {
        let mut deadline: Option<Instant> = None;
        loop {
            let message = match deadline {
                Some(at) => {
                    match self
                        .connection
                        .receiver
                        .recv_timeout(at.saturating_duration_since(Instant::now()))
                    {
                        Ok(m) => m,
                        Err(RecvTimeoutError::Timeout) => {
                            deadline = None;
                            self.check_dirty()?;
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => return Ok(()),
                    }
                }
                None => match self.connection.receiver.recv() {
                    Ok(m) => m,
                    Err(_) => return Ok(()),
                },
            };
            match message {
                Message::Request(req) => {
                    if self
                        .connection
                        .handle_shutdown(&req)
                        .map_err(|e| LspError(e.to_string()))?
                    {
                        return Ok(());
                    }
                    self.request(req)?;
                }
                Message::Notification(note) => {
                    if self.notification(note)? {
                        deadline.get_or_insert_with(|| Instant::now() + DEBOUNCE);
                    }
                }
                Message::Response(_) => {}
            }
        }
    }

    /// Asks the client to report changes to `.toml` files (config and rule packs), so that a
    /// change made outside the editor reloads the config too.
    fn watch_config(&self) -> Result<(), LspError> {
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String("**/*.toml".into()),
                kind: None,
            }],
        };
        let registration = Registration {
            id: "scriptlint-config".into(),
            method: DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        let params = RegistrationParams {
            registrations: vec![registration],
        };
        let id = RequestId::from("scriptlint-watch".to_string());
        self.send(Message::Request(Request::new(
            id,
            RegisterCapability::METHOD.into(),
            params,
        )))
    }

    fn send(&self, message: Message) -> Result<(), LspError> {
        self.connection
            .sender
            .send(message)
            .map_err(|e| LspError(e.to_string()))
    }

    /// Handles a notification; returns whether a document changed and must be checked soon.
    fn notification(&mut self, note: Notification) -> Result<bool, LspError> {
        let parse = |e: serde_json::Error| LspError(e.to_string());
        match note.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let p: DidOpenTextDocumentParams =
                    serde_json::from_value(note.params).map_err(parse)?;
                let uri = p.text_document.uri;
                self.docs.insert(
                    uri.clone(),
                    Doc {
                        text: p.text_document.text,
                        version: Some(p.text_document.version),
                        findings: Vec::new(),
                    },
                );
                // A newly opened document is checked at once: no typing to wait for.
                self.check(&uri)?;
                Ok(false)
            }
            DidChangeTextDocument::METHOD => {
                let p: DidChangeTextDocumentParams =
                    serde_json::from_value(note.params).map_err(parse)?;
                let uri = p.text_document.uri;
                if let (Some(doc), Some(change)) = (
                    self.docs.get_mut(&uri),
                    p.content_changes.into_iter().last(),
                ) {
                    doc.text = change.text;
                    doc.version = Some(p.text_document.version);
                    self.dirty.insert(uri);
                }
                Ok(true)
            }
            DidCloseTextDocument::METHOD => {
                let p: DidCloseTextDocumentParams =
                    serde_json::from_value(note.params).map_err(parse)?;
                self.docs.remove(&p.text_document.uri);
                self.dirty.remove(&p.text_document.uri);
                self.publish(p.text_document.uri, Vec::new(), None)?;
                Ok(false)
            }
            DidSaveTextDocument::METHOD => {
                let p: DidSaveTextDocumentParams =
                    serde_json::from_value(note.params).map_err(parse)?;
                if p.text_document.uri.as_str().ends_with(".toml") {
                    self.reload_and_recheck()?;
                }
                Ok(false)
            }
            DidChangeWatchedFiles::METHOD => {
                self.reload_and_recheck()?;
                Ok(false)
            }
            _ => Ok(false),
        }
    }

    fn request(&mut self, req: Request) -> Result<(), LspError> {
        let response = match req.method.as_str() {
            CodeActionRequest::METHOD => match serde_json::from_value(req.params) {
                Ok(p) => ok(req.id, self.code_actions(&p)),
                Err(e) => invalid(req.id, e),
            },
            HoverRequest::METHOD => match serde_json::from_value(req.params) {
                Ok(p) => ok(req.id, self.hover(&p)),
                Err(e) => invalid(req.id, e),
            },
            _ => Response::new_err(
                req.id,
                ErrorCode::MethodNotFound as i32,
                format!("scriptlint does not handle {}", req.method),
            ),
        };
        self.send(Message::Response(response))
    }

    fn reload_config(&mut self) {
        match config::resolve(&Overrides::default(), &self.root) {
            Ok(settings) => self.settings = Some(settings),
            Err(e) => {
                self.settings = None;
                let params = ShowMessageParams {
                    typ: MessageType::ERROR,
                    message: format!("scriptlint: {e}"),
                };
                let note = Notification::new(ShowMessage::METHOD.to_string(), params);
                // The client may already be gone; nothing more to do then.
                let _ = self.send(Message::Notification(note));
            }
        }
    }

    fn reload_and_recheck(&mut self) -> Result<(), LspError> {
        self.reload_config();
        let open: Vec<Uri> = self.docs.keys().cloned().collect();
        for uri in open {
            self.check(&uri)?;
        }
        Ok(())
    }

    fn check_dirty(&mut self) -> Result<(), LspError> {
        let dirty: Vec<Uri> = self.dirty.drain().collect();
        for uri in dirty {
            self.check(&uri)?;
        }
        Ok(())
    }

    /// Lints an open document and publishes its diagnostics.
    fn check(&mut self, uri: &Uri) -> Result<(), LspError> {
        let Some(doc) = self.docs.get_mut(uri) else {
            return Ok(());
        };
        let path = uri_to_path(uri).unwrap_or_else(|| PathBuf::from(uri.as_str()));
        let found = match &self.settings {
            Some(settings) => Linter {
                rules: &settings.rules,
                speakers: &settings.speakers,
            }
            .lint(
                &path.display().to_string(),
                doc.text.as_bytes(),
                Format::of(&path),
                settings.files.channel(&path),
            ),
            None => Vec::new(),
        };
        let lines = LineIndex::new(&doc.text);
        doc.findings = found
            .into_iter()
            .map(|d| {
                let lsp = to_lsp(&d, &doc.text, &lines);
                (d, lsp)
            })
            .collect();
        let diagnostics = doc.findings.iter().map(|(_, lsp)| lsp.clone()).collect();
        let version = doc.version;
        self.publish(uri.clone(), diagnostics, version)
    }

    fn publish(
        &self,
        uri: Uri,
        diagnostics: Vec<LspDiagnostic>,
        version: Option<i32>,
    ) -> Result<(), LspError> {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.send(Message::Notification(Notification::new(
            PublishDiagnostics::METHOD.to_string(),
            params,
        )))
    }

    /// The last findings of a document.
    fn findings(&self, uri: &Uri) -> &[(Diagnostic, LspDiagnostic)] {
        self.docs.get(uri).map_or(&[], |d| d.findings.as_slice())
    }

    fn code_actions(&self, p: &CodeActionParams) -> Vec<CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let mut actions = Vec::new();
        for (d, lsp) in self.findings(uri) {
            if !overlaps(lsp.range, p.range) || d.matched.is_none() {
                continue;
            }
            for (i, suggestion) in d.suggestions.iter().enumerate() {
                let fix = d.fix.as_ref().filter(|_| i == 0);
                let new_text = fix.map_or_else(|| suggestion.clone(), |f| f.replacement.clone());
                let edit = WorkspaceEdit {
                    changes: Some(HashMap::from([(
                        uri.clone(),
                        vec![TextEdit {
                            range: lsp.range,
                            new_text: new_text.clone(),
                        }],
                    )])),
                    ..WorkspaceEdit::default()
                };
                actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                    title: format!("Replace with “{new_text}”"),
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![lsp.clone()]),
                    edit: Some(edit),
                    is_preferred: Some(fix.is_some()),
                    ..CodeAction::default()
                }));
            }
        }
        actions
    }

    fn hover(&self, p: &HoverParams) -> Option<Hover> {
        let uri = &p.text_document_position_params.text_document.uri;
        let at = p.text_document_position_params.position;
        let (d, lsp) = self
            .findings(uri)
            .iter()
            .find(|(_, lsp)| lsp.range.start <= at && at <= lsp.range.end)?;
        let rule = self.settings.as_ref()?.rules.get(&d.rule)?;
        let mut text = Vec::new();
        catalog::explain(rule, &mut text).ok()?;
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::PlainText,
                value: String::from_utf8_lossy(&text).into_owned(),
            }),
            range: Some(lsp.range),
        })
    }
}

fn ok<T: serde::Serialize>(id: RequestId, result: T) -> Response {
    Response::new_ok(id, result)
}

fn invalid(id: RequestId, e: serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}

fn overlaps(a: Range, b: Range) -> bool {
    a.start <= b.end && b.start <= a.end
}

/// An LSP position: 0-based line and UTF-16 code units from the line start, from a 1-based
/// line and character column.
fn position(text: &str, lines: &LineIndex, line: usize, column: usize) -> Position {
    let range = lines.line_range(text, line.saturating_sub(1));
    let units: usize = text[range]
        .chars()
        .take(column.saturating_sub(1))
        .map(char::len_utf16)
        .sum();
    Position::new(
        u32::try_from(line.saturating_sub(1)).unwrap_or(u32::MAX),
        u32::try_from(units).unwrap_or(u32::MAX),
    )
}

fn range(d: &Diagnostic, text: &str, lines: &LineIndex) -> Range {
    Range::new(
        position(text, lines, d.line, d.column),
        position(text, lines, d.end_line, d.end_column),
    )
}

fn to_lsp(d: &Diagnostic, text: &str, lines: &LineIndex) -> LspDiagnostic {
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    };
    let message = match d.suggestions.first() {
        Some(better) => format!("{} Try: {better}", d.message),
        None => d.message.clone(),
    };
    LspDiagnostic {
        range: range(d, text, lines),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.rule.clone())),
        source: Some("scriptlint".into()),
        message,
        ..LspDiagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "Hi 😀, “that’s our policy”.";
        let lines = LineIndex::new(text);
        // "Hi 😀, “" is 7 characters but 8 UTF-16 units (the emoji is two).
        assert_eq!(position(text, &lines, 1, 8), Position::new(0, 8));
    }

    #[test]
    fn file_uris_become_paths() {
        let uri: Uri = "file:///tmp/a%20b/reply.txt".parse().unwrap();
        assert_eq!(uri_to_path(&uri), Some(PathBuf::from("/tmp/a b/reply.txt")));
    }
}
