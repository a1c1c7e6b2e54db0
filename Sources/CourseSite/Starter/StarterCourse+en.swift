extension StarterCourse.Texts {
    static let english = StarterCourse.Texts(
        title: "My course",
        description: "A starter course made by coursegen init. Replace this text with what your course teaches and whom it is for.",
        index: #"""
            # My course

            Welcome. This is the home page, `index.md`: its front matter sets the course's title, its description and the
            language of every word coursegen writes into the pages. Edit it to say what the course teaches and whom it is
            for.

            ## Chapters

            1. [Gradient descent on a bowl](01-gradient-descent.md): one experiment, one claim the build checks, an
               exercise with its solution, a numbered equation and a citation.

            Each chapter is a Markdown file in this folder; a number at the start of its name sets its place. Add
            `02-next-topic.md` beside the first chapter and it appears in the sidebar.

            """#,
        chapter: #"""
            ---
            title: Gradient descent on a bowl
            description: The update rule, a learning rate that is too large, and a claim the build checks.
            ---

            # Gradient descent on a bowl

            This chapter shows everything a coursegen chapter can hold. Change it, build again and see what moves.

            ## The update rule

            Gradient descent, known since Cauchy [@cauchy1847], steps against the gradient:

            $$
            \theta_t = \theta_{t-1} - \eta \, \nabla f(\theta_{t-1}). \label{eq:update}
            $$

            The learning rate $\eta$ is the only knob of [](#eq:update). On $f(x, y) = x^2/20 + y^2$ the steepest direction
            has curvature $L = 2$, and the step along it is multiplied by $1 - 2\eta$ each time: below $\eta = 1$ it shrinks,
            above it it grows.

            ## An experiment

            The fence below runs when the site is built. Its figure shows both paths over the contours of $f$ and their
            losses; the `Expect` lines are claims that the build checks, so the text cannot contradict the figure.

            ```experiment
            Experiment("Two learning rates on a bowl") {
                Objective(.bowl)
                Start(-7, 2)
                Steps(20)
                Domain(x: -10...10, y: -15...15)
                SGD(lr: 0.9).label("η = 0.9")
                SGD(lr: 1.05).label("η = 1.05")
                Expect("η = 0.9", loss: .decreasing)
                Expect("η = 1.05", loss: .increasing)
            }
            ```

            After 20 steps the loss with $\eta = 0.9$ is `=Result("η = 0.9", .finalLoss, decimals: 3)`; with $\eta = 1.05$ it
            has grown to `=Result("η = 1.05", .finalLoss, decimals: 1)`. These numbers are inserted from the run, not typed.

            ## Exercises

            > [!EXERCISE] The largest stable learning rate {#ex-threshold}
            > Using [](#eq:update), find the largest $\eta$ for which gradient descent converges on $f(x, y) = x^2/20 + y^2$.

            > [!SOLUTION]
            > Along $y$ the update is $y_t = (1 - 2\eta)\, y_{t-1}$, which shrinks when $|1 - 2\eta| < 1$, that is for
            > $0 < \eta < 1$. Along $x$ the factor is $1 - \eta/10$, which asks less. So $\eta < 1 = 2/L$.

            ## References

            """#,
        references: #"""
            % The works this course cites. Chapters cite them as [@key] (Pandoc's syntax).

            @article{cauchy1847,
              author  = {Cauchy, Augustin-Louis},
              title   = {Méthode générale pour la résolution des systèmes d'équations simultanées},
              journal = {Comptes rendus hebdomadaires des séances de l'Académie des sciences},
              volume  = {25},
              pages   = {536--538},
              year    = {1847},
            }

            """#,
        themeReadme: #"""
            # Theme

            coursegen lays out every page with templates, words and a stylesheet compiled into it. A file in this folder
            with one of the names below replaces the bundled one, for this course only (as mdBook's `theme/` does). This
            README is not read by coursegen.

            | file | what it replaces |
            | --- | --- |
            | `page.mustache` | the whole page around a chapter's text |
            | `sidebar.mustache` | the list of chapters beside the page |
            | `contents.mustache` | the "On this page" contents of a chapter |
            | `pager.mustache` | the previous and next links |
            | `chapter-list.mustache` | the list of chapters on the home page when there is no `index.md` |
            | `print.mustache` | `print.html`, the whole course on one page for printing |
            | `style.css` | the stylesheet, written to `assets/style.css` |
            | `strings.yml` | the words coursegen writes (captions, labels, the page's chrome), key by key |

            Start from a copy of the bundled file you want to change: the templates are in coursegen's
            `Sources/CourseSite/Theme/BundledTemplates.swift`, the stylesheet in `BundledStylesheet.swift` beside it, and
            every key of `strings.yml`, with its English text, in `Sources/Localization/BundledStrings+en.swift`. For
            example, this `strings.yml` renames two things:

            ```yaml
            page.onThisPage: "In this lecture"
            page.chapterNumber: "Lecture {number}"
            ```

            A theme may not add script: a `<script>` tag, an event handler or a `javascript:` link in a template is an
            error at its line. The README's "Theming" section lists every template's variables.

            """#,
        gitignore: #"""
            # coursegen's result cache: the numbers of every experiment and training, kept in this folder by
            # build, check and run, and computed again whenever an entry is missing. Never commit it.
            .coursegen-cache/

            # The site is never written in this folder: `coursegen build <this folder> -o site/` writes it to
            # site/ beside it. To keep it out of your repository, add the line `site/` to the .gitignore of
            # the folder that holds both (your repository's top); to publish it from the repository, commit it.

            """#
    )
}
