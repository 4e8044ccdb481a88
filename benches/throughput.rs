//! `cargo bench`: lint throughput in bytes per second on a generated corpus held in memory, with
//! the six benchmark phrases as one rule and with all built-in packs.

#[path = "corpus/mod.rs"]
mod corpus;

use std::path::Path;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use scriptlint::document::Format;
use scriptlint::document::speakers::Speakers;
use scriptlint::lint::Linter;
use scriptlint::rules::{PackSource, RuleSet, builtin};

fn throughput(c: &mut Criterion) {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    corpus::generate(7, 400, 5_000, |path, bytes| {
        files.push((path.to_string(), bytes.to_vec()))
    });
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    let six = PackSource {
        origin: "bench/six-phrases.toml".into(),
        text: include_str!("../bench/six-phrases.toml").into(),
    };
    let speakers = Speakers::default();
    let packs = [
        (
            "six-phrases",
            RuleSet::load(&[six]).expect("six-phrase pack"),
        ),
        (
            "builtin",
            RuleSet::load(&builtin::sources()).expect("built-in packs"),
        ),
    ];
    let mut group = c.benchmark_group("lint");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(10);
    for (name, rules) in &packs {
        let linter = Linter {
            rules,
            speakers: &speakers,
        };
        group.bench_function(*name, |b| {
            b.iter(|| {
                files
                    .iter()
                    .map(|(path, bytes)| {
                        linter
                            .lint(path, bytes, Format::of(Path::new(path)), None)
                            .len()
                    })
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, throughput);
criterion_main!(benches);
