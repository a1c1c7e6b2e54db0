import Bibliography
import CourseDiagnostics
import Testing

@Suite struct BibTeXParserTests {
    private func parse(_ text: String) -> ([BibEntry], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let entries = BibTeXParser(file: "references.bib").parse(text, diagnostics: &diagnostics)
        return (entries, diagnostics)
    }

    @Test func everyFieldForm() {
        let (entries, diagnostics) = parse("""
            Text outside entries is a comment.
            @string{iclr = "International Conference on Learning Representations"}
            @comment{ignored {nested} text}
            @inproceedings{kingma2015,
              author = {Kingma, Diederik P. and Ba, Jimmy},
              title = "Adam: A Method for {Stochastic} Optimization",
              booktitle = "Proc. " # iclr,
              year = 2015,
              month = may,
              note = {a {nested {deeply}} brace},
            }
            @misc(paren, title = {Parentheses})
            """)
        #expect(diagnostics.isEmpty)
        #expect(entries.map(\.key) == ["kingma2015", "paren"])
        let adam = entries[0]
        #expect(adam.kind == .inproceedings)
        #expect(adam.text("title") == "Adam: A Method for Stochastic Optimization")
        #expect(adam.text("booktitle") == "Proc. International Conference on Learning Representations")
        #expect(adam.year == "2015")
        #expect(adam.text("month") == "May")
        #expect(adam.text("note") == "a nested deeply brace")
        #expect(adam.location == SourceLocation(file: "references.bib", line: 4, column: 1))
        #expect(adam.keyLocation == SourceLocation(file: "references.bib", line: 4, column: 16))
    }

    @Test(arguments: [
        (#"G{\"o}del"#, "Gödel"), (#"Erd\H{o}s"#, "Erdős"), (#"\'Etienne"#, "Étienne"), (#"Gau{\ss}"#, "Gauß"),
        (#"Fran\c{c}ois"#, "François"), (#"\v{S}koda"#, "Škoda"), (#"pages 1--10"#, "pages 1–10"),
        (#"a---b"#, "a—b"), ("Dr.~Who", "Dr.\u{00A0}Who"), (#"{\O}rsted"#, "Ørsted"), (#"\`a la"#, "à la"),
        (#"na\"{\i}ve"#, "naïve"), (#"\emph{Deep} Learning"#, "Deep Learning"), (#"R\&D 50\%"#, "R&D 50%"),
        ("北京大学", "北京大学"), (#"{\aa}ngstr{\"o}m"#, "ångström"), (#"\~{n}"#, "ñ"),
    ])
    func latexAccents(_ latex: String, _ text: String) {
        #expect(LaTeXText.plain(latex) == text)
    }

    @Test func authorsInBothFormsAndOrganisations() {
        let names = PersonName.list(#"Kingma, Diederik P. and Jimmy Ba and {World Health Organization} and Ludwig van Beethoven and van der Maaten, Laurens and Ford, Jr., Henry and G{\"o}del, Kurt"#)
        #expect(names == [
            PersonName(family: "Kingma", given: "Diederik P."),
            PersonName(family: "Ba", given: "Jimmy"),
            PersonName(family: "World Health Organization"),
            PersonName(family: "van Beethoven", given: "Ludwig"),
            PersonName(family: "van der Maaten", given: "Laurens"),
            PersonName(family: "Ford", given: "Henry", suffix: "Jr."),
            PersonName(family: "Gödel", given: "Kurt"),
        ])
        // "and" inside braces or a word is no separator.
        #expect(PersonName.list("{Barnes and Noble} and Alexander Anderson").map(\.family) == ["Barnes and Noble", "Anderson"])
    }

    @Test func otherStandardTypesAreReadAsMiscWithAWarning() {
        let (entries, diagnostics) = parse("@phdthesis{t, author = {A, B}, title = {T}, year = {2000}}")
        #expect(entries.first?.kind == .misc)
        #expect(diagnostics.map(\.description) == ["references.bib:1:1: warning: '@phdthesis' is read as '@misc'"])
    }

    @Test func identifiers() {
        let (entries, _) = parse("""
            @article{a, author = {A, B}, title = {T}, journal = {J}, year = {1964}, doi = {https://doi.org/10.1016/0041-5553(64)90137-5}}
            @misc{b, title = {T}, eprint = {1412.6980}, archiveprefix = {arXiv}}
            @misc{c, title = {T}, url = {https://arxiv.org/abs/1711.05101v3}}
            """)
        let bibliography = Bibliography(entries)
        #expect(bibliography.entry(key: nil, doi: "10.1016/0041-5553(64)90137-5", arXiv: nil, url: nil)?.key == "a")
        #expect(bibliography.entry(key: nil, doi: nil, arXiv: "1412.6980", url: nil)?.key == "b")
        #expect(bibliography.entry(key: nil, doi: nil, arXiv: "1711.05101", url: nil)?.key == "c")
        #expect(bibliography.entry(key: nil, doi: nil, arXiv: "0000.0000", url: nil) == nil)
    }

    @Test func sameAuthorsAndYearGetLetters() {
        let (entries, _) = parse("""
            @misc{k2, author = {Kingma, D.}, title = {Variational}, year = {2015}}
            @misc{k1, author = {Kingma, D.}, title = {Adam}, year = {2015}}
            @misc{k3, author = {Kingma, D.}, title = {Other}, year = {2016}}
            """)
        let bibliography = Bibliography(entries)
        #expect(entries.map { bibliography.citedYear($0) } == ["2015b", "2015a", "2016"])
        #expect(bibliography.sorted(["k3", "k2", "k1"]).map(\.key) == ["k1", "k2", "k3"])
    }

    /// Each bad input, with the position its message names.
    @Test(arguments: [
        ("@article{a, author = {A, B}, title = {T}, journal = {J}, year = {2000}\n@misc{b, title = {T}}",
         "references.bib:1:1: error: unterminated entry '@article{a'"),
        ("@misc{a, title = {T}}\n@misc{a, title = {U}}", "references.bib:2:7: error: duplicate key 'a'"),
        ("@article{a, title = {T}, journal = {J}, year = {2000}}", "references.bib:1:10: error: @article{a} has no 'author'"),
        ("@book{b, author = {A, B}, year = {2000}}", "references.bib:1:7: error: @book{b} has no 'title'"),
        ("@online{o, title = {T}}", "references.bib:1:9: error: @online{o} has no 'url'"),
        ("@artcle{a, title = {T}}", "references.bib:1:1: error: unknown entry type '@artcle'"),
        ("@misc{a, title = {T}, howpublished = mit}", "references.bib:1:38: error: unknown @string 'mit'"),
        ("@misc{a, title {T}}", "references.bib:1:10: error: field 'title' has no '='"),
    ])
    func badInput(_ text: String, _ message: String) {
        let (_, diagnostics) = parse(text)
        #expect(diagnostics.map(\.description) == [message])
    }

    @Test func unknownTypeSuggestsTheClosest() {
        let (_, diagnostics) = parse("@artcle{a, title = {T}}")
        #expect(diagnostics.first?.hint?.hasPrefix("did you mean '@article'?") == true)
        let (_, duplicate) = parse("@misc{a, title = {T}}\n@misc{a, title = {U}}")
        #expect(duplicate.first?.notes.first?.location == SourceLocation(file: "references.bib", line: 1, column: 7))
    }
}
