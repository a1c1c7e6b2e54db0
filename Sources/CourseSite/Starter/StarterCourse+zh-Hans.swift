extension StarterCourse.Texts {
    static let chinese = StarterCourse.Texts(
        title: "我的课程",
        description: "由 coursegen init 生成的入门课程。请把这段文字换成课程的内容和面向的读者。",
        index: #"""
            # 我的课程

            欢迎。这是首页 `index.md`：它的前置元数据设定课程的标题、简介，以及 coursegen 写进网页的每个词所用的语言。请把它改成课程要讲的内容和面向的读者。

            ## 章节

            1. [碗形函数上的梯度下降](01-gradient-descent.md)：一个实验、一个构建时检查的结论、一道带解答的练习、一个编号公式和一处文献引用。

            每一章都是本文件夹中的一个 Markdown 文件，文件名开头的数字决定它的次序。在第一章旁边加上
            `02-next-topic.md`，它就会出现在侧栏中。

            """#,
        chapter: #"""
            ---
            title: 碗形函数上的梯度下降
            description: 更新规则、过大的学习率，以及一个在构建时检查的结论。
            ---

            # 碗形函数上的梯度下降

            本章展示 coursegen 的一章可以包含的所有内容。修改它，重新构建，看看哪里变了。

            ## 更新规则

            梯度下降早在柯西的时代就已为人所知 [@cauchy1847]，它沿梯度的反方向走一步：

            $$
            \theta_t = \theta_{t-1} - \eta \, \nabla f(\theta_{t-1}). \label{eq:update}
            $$

            学习率 $\eta$ 是 [](#eq:update) 中唯一可调的量。在 $f(x, y) = x^2/20 + y^2$ 上，最陡方向的曲率是 $L = 2$，沿这个方向的步长每一步都乘以 $1 - 2\eta$：$\eta < 1$ 时它缩小，$\eta > 1$ 时它增大。

            ## 一个实验

            下面的代码块在构建网站时运行。图中画出两条路径在 $f$ 的等高线上的走向以及它们的损失；`Expect` 行是构建时检查的结论，所以正文不可能与图矛盾。

            ```experiment
            Experiment("碗形函数上的两个学习率") {
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

            20 步之后，$\eta = 0.9$ 的损失是 `=Result("η = 0.9", .finalLoss, decimals: 3)`，而 $\eta = 1.05$ 的损失已经增大到 `=Result("η = 1.05", .finalLoss, decimals: 1)`。这些数是从运行结果插入的，不是手写的。

            ## 练习

            > [!EXERCISE] 最大的稳定学习率 {#ex-threshold}
            > 利用 [](#eq:update)，求出梯度下降在 $f(x, y) = x^2/20 + y^2$ 上收敛的最大 $\eta$。

            > [!SOLUTION]
            > 沿 $y$ 方向的更新是 $y_t = (1 - 2\eta)\, y_{t-1}$，当 $|1 - 2\eta| < 1$，即 $0 < \eta < 1$ 时它缩小。沿 $x$ 方向的因子是 $1 - \eta/10$，要求更宽。所以 $\eta < 1 = 2/L$。

            ## 参考文献

            """#,
        references: #"""
            % 本课程引用的文献。正文用 [@key] 引用（Pandoc 的写法）。

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
            # 主题

            coursegen 用编译进程序的模板、文字和样式表排版每一页。在本文件夹中放一个与下表同名的文件，就会替换内置的那一个，只对本课程生效（与 mdBook 的 `theme/` 相同）。coursegen 不读取本说明。

            | 文件 | 替换的内容 |
            | --- | --- |
            | `page.mustache` | 一章正文之外的整个页面 |
            | `sidebar.mustache` | 页面旁的章节列表 |
            | `contents.mustache` | 一章的“本页目录” |
            | `pager.mustache` | 上一章和下一章的链接 |
            | `chapter-list.mustache` | 没有 `index.md` 时首页上的章节列表 |
            | `print.mustache` | `print.html`，供打印的整门课程 |
            | `style.css` | 样式表，写到 `assets/style.css` |
            | `strings.yml` | coursegen 写出的文字（图注、标签、页面框架），逐键替换 |

            请从要修改的内置文件的副本开始：模板在 coursegen 源码的
            `Sources/CourseSite/Theme/BundledTemplates.swift` 中，样式表在同一文件夹的 `BundledStylesheet.swift` 中，
            `strings.yml` 的每个键及其中文文字在 `Sources/Localization/BundledStrings+zh-Hans.swift` 中。例如，下面的
            `strings.yml` 改了两处称呼：

            ```yaml
            page.onThisPage: "本讲目录"
            page.chapterNumber: "第 {number} 讲"
            ```

            主题不能添加脚本：模板中的 `<script>` 标签、事件处理属性或 `javascript:` 链接都是该行的错误。README 的 “Theming” 一节列出了每个模板可用的变量。

            """#,
        gitignore: #"""
            # coursegen 的结果缓存：每个实验和训练算出的数字，由 build、check 和 run 保存在本文件夹里，
            # 缺了哪一项就重新计算哪一项。不要提交它。
            .coursegen-cache/

            # 网站从不写在本文件夹里：`coursegen build <本文件夹> -o site/` 把它写到旁边的 site/。
            # 若不想把它放进仓库，请在同时包含两者的文件夹（仓库顶层）的 .gitignore 中加一行 `site/`；
            # 若要从仓库发布它，就提交它。

            """#
    )
}
