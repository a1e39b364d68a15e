<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="25"/>
        <source>Palmer penguins</source>
        <extracomment>The names of core.app_info.DATA_CREDITS, for lupdate (translated dynamically below).</extracomment>
        <translation>Palmer 企鹅</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="38"/>
        <source>{version} (source tree, not installed)</source>
        <translation>{version}（源代码目录，未安装）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="41"/>
        <source>unknown (the package metadata and pyproject.toml are missing)</source>
        <translation>未知（缺少软件包元数据和 pyproject.toml）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="49"/>
        <source>{name} ({file}): {authors}, {year}; licence {licence}.</source>
        <translation>{name}（{file}）：{authors}，{year}；许可证 {licence}。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="64"/>
        <source>About {app}</source>
        <translation>关于 {app}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="71"/>
        <source>Watch a neural network learn: the forward pass, backpropagation and the update, with the engine&apos;s real numbers.</source>
        <translation>观察神经网络如何学习：前向传播、反向传播与参数更新，显示的都是引擎算出的真实数值。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="90"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="91"/>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="92"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="93"/>
        <source>Libraries</source>
        <translation>依赖库</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="102"/>
        <source>Copy system info</source>
        <translation>复制系统信息</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="103"/>
        <source>Copy the versions, Python and the operating system, for a bug report</source>
        <translation>复制各版本号、Python 与操作系统信息，用于报告问题</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/about_dialog.py" line="128"/>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>Attributions</name>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="97"/>
        <source>Exact Shapley values need at most {0} inputs; this network has {1}.</source>
        <translation>精确的 Shapley 值最多支持 {0} 个输入；这个网络有 {1} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="101"/>
        <source>No test points: permutation importance needs a test split (training share below 100 %).</source>
        <translation>没有测试点：置换重要性需要测试集（训练比例低于 100%）。</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="104"/>
        <source>No training points to explain.</source>
        <translation>没有可解释的训练点。</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="106"/>
        <source>The network&apos;s output is not finite here.</source>
        <translation>网络在这里的输出不是有限值。</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="107"/>
        <source>Cannot compute: {0}</source>
        <translation>无法计算：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="315"/>
        <source>computing…</source>
        <extracomment>Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry (gui.app_window.view_registry) reads this.</extracomment>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="327"/>
        <source>Saliency ‖∂f/∂x‖ on the canvas</source>
        <translation>在画布上显示显著性 ‖∂f/∂x‖</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="330"/>
        <source>Colours the canvas by how fast the explained output changes when the point moves (2-D inputs only).</source>
        <translation>按数据点移动时被解释的输出变化有多快为画布着色（仅限二维输入）。</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="61"/>
        <location filename="../../gui/explain/attribution_view.py" line="348"/>
        <source>Gradient × input</source>
        <extracomment>The methods, in the order of the charts, with their names in the method box.</extracomment>
        <translation>梯度 × 输入</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="62"/>
        <source>Integrated gradients</source>
        <translation>积分梯度</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="64"/>
        <source>Permutation importance</source>
        <translation>置换重要性</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="328"/>
        <source>Saliency on the canvas</source>
        <translation>在画布上显示显著性</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="335"/>
        <source>The attribution method shown (the view has no room for all four charts)</source>
        <translation>显示的归因方法（视图放不下全部四张图）</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="350"/>
        <source>Why this prediction?</source>
        <translation>为什么是这个预测？</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="359"/>
        <source>f = ŷ = {0}</source>
        <translation>f = ŷ = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="361"/>
        <source>predicted {0}, f = p({0}) = {1}</source>
        <translation>预测为 {0}，f = p({0}) = {1}</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="363"/>
        <source>Why this prediction? Sample #{0}: {1}</source>
        <translation>为什么是这个预测？样本 #{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="365"/>
        <source>standardized features (z-scores fitted on the training points)</source>
        <translation>标准化后的特征（用训练点拟合的 z 分数）</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="367"/>
        <source>features (not standardized)</source>
        <translation>特征（未标准化）</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="368"/>
        <source>Bars per network input: {0}. Baseline: the training mean.</source>
        <translation>每个网络输入一根条形：{0}。基线：训练点的均值。</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="370"/>
        <source>{0}. {1}</source>
        <comment>the sample&apos;s sentence, then the bars&apos; sentence</comment>
        <translation>{0}。{1}</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="375"/>
        <source>xᵢ · ∂f/∂xᵢ: the first-order share of f(x) − f(0) of each input.</source>
        <translation>xᵢ · ∂f/∂xᵢ：每个输入在 f(x) − f(0) 中的一阶份额。</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="379"/>
        <source>Integrated gradients ({0} steps)</source>
        <translation>积分梯度（{0} 步）</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="383"/>
        <source>Σ = f(x) − f(baseline): {0} vs {1} − {2} = {3}, error {4}</source>
        <translation>Σ = f(x) − f（基线）：{0} 对比 {1} − {2} = {3}，误差 {4}</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="63"/>
        <location filename="../../gui/explain/attribution_view.py" line="389"/>
        <source>Shapley values</source>
        <translation>Shapley 值</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="393"/>
        <source>Shapley values (exact: {0} coalitions × {1} training rows)</source>
        <translation>Shapley 值（精确：{0} 个联盟 × {1} 行训练数据）</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="397"/>
        <source>Σφ = f(x) − E[f]: {0} vs {1} − {2} = {3}, error {4}</source>
        <translation>Σφ = f(x) − E[f]：{0} 对比 {1} − {2} = {3}，误差 {4}</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="405"/>
        <source>Permutation importance ({0} repeats, ± 1 std)</source>
        <translation>置换重要性（重复 {0} 次，± 1 个标准差）</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="417"/>
        <source>Drop in test accuracy ({0}) when one input is shuffled over the test points.</source>
        <translation>在测试点上打乱一个输入时测试准确率（{0}）的下降。</translation>
    </message>
    <message>
        <location filename="../../gui/explain/attribution_view.py" line="421"/>
        <source>Rise in test MSE ({0}) when one input is shuffled over the test points.</source>
        <translation>在测试点上打乱一个输入时测试 MSE（{0}）的上升。</translation>
    </message>
    <message>
        <source>class {0}</source>
        <translation type="vanished">类别 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/explain/saliency_overlay.py" line="139"/>
        <source>saliency ‖∂{0}/∂x‖: 0 (dark) … {1} (yellow)</source>
        <extracomment>At most RESOLUTION² grid cells (one backward pass each), square on screen.</extracomment>
        <translation>显著性 ‖∂{0}/∂x‖：0（暗）… {1}（黄）</translation>
    </message>
</context>
<context>
    <name>Autosave</name>
    <message>
        <location filename="../../gui/files/autosave.py" line="132"/>
        <source>Restore the last session?</source>
        <translation>恢复上次的会话？</translation>
    </message>
    <message>
        <location filename="../../gui/files/autosave.py" line="133"/>
        <source>Backprop Playground did not close properly last time.
Restore the scene autosaved at {0}?</source>
        <translation>Backprop Playground 上次没有正常关闭。
要恢复 {0} 自动保存的场景吗？</translation>
    </message>
    <message>
        <location filename="../../gui/files/autosave.py" line="190"/>
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
</context>
<context>
    <name>CanvasOptions</name>
    <message>
        <location filename="../../gui/canvas/canvas_options.py" line="41"/>
        <source>Size points by loss</source>
        <translation>按损失调整点的大小</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/canvas_options.py" line="42"/>
        <source>Draw each point bigger the larger its own loss at the current step</source>
        <translation>每个点自身在当前步的损失越大，画得越大</translation>
    </message>
</context>
<context>
    <name>ClassroomLocks</name>
    <message>
        <location filename="../../gui/classroom/locks_dialog.py" line="48"/>
        <source>Classroom locks</source>
        <translation>课堂锁定</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/locks_dialog.py" line="49"/>
        <source>Student mode (View ▸ Student mode) hides the ticked views and controls and fixes the ticked settings. The locks are saved in the scene file.</source>
        <translation>学生模式（视图 ▸ 学生模式）会隐藏勾选的视图和控件，并固定勾选的设置。锁定保存在场景文件中。</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/locks_dialog.py" line="61"/>
        <source>Hidden views</source>
        <translation>隐藏的视图</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/locks_dialog.py" line="62"/>
        <source>Hidden controls</source>
        <translation>隐藏的控件</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/locks_dialog.py" line="63"/>
        <source>Fixed settings</source>
        <translation>固定的设置</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/locks_dialog.py" line="64"/>
        <source>Hidden in presenter mode</source>
        <translation>演示模式中隐藏</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="102"/>
        <source>Compare</source>
        <extracomment>Settings of run B the dialog offers: (section, settings class, fields left out).</extracomment>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="103"/>
        <source>Run B starts from the same points, split, initial weights and batch order as this scene (run A). Change the settings B should have; both runs start again from step 0 and train together.</source>
        <translation>运行 B 与本场景（运行 A）使用相同的数据点、划分、初始权重和批量顺序。修改 B 应有的设置；两个运行都从第 0 步重新开始，并一起训练。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="109"/>
        <source>Neurons per hidden layer, e.g. 8, 8 (empty: none)</source>
        <translation>每个隐藏层的神经元数，例如 8, 8（留空：没有隐藏层）</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="111"/>
        <source>Network of run B</source>
        <translation>运行 B 的网络</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="112"/>
        <source>Training of run B</source>
        <translation>运行 B 的训练</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="113"/>
        <source>Start comparing</source>
        <translation>开始对比</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="114"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="141"/>
        <source>Hidden layer sizes must be whole numbers, e.g. 8, 8</source>
        <translation>隐藏层大小必须是整数，例如 8, 8</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="201"/>
        <source>as run A: {0}</source>
        <translation>与运行 A 相同：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="210"/>
        <source>One activation sets every hidden layer of run B.</source>
        <translation>选择一个激活函数会设置运行 B 的每个隐藏层。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="212"/>
        <source>The first item keeps run A&apos;s activation of each layer.</source>
        <translation>第一项保留运行 A 每一层的激活函数。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="240"/>
        <source>Compare…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="241"/>
        <source>Train a copy of this scene with other settings (run B) side by side with it</source>
        <translation>用其他设置训练本场景的副本（运行 B），与本场景并排显示</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="244"/>
        <source>End compare</source>
        <translation>结束对比</translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../gui/compare/compare_panel.py" line="51"/>
        <source>End compare</source>
        <extracomment>Controller signals it redraws on (gui.common.refresh.connect_redraws)</extracomment>
        <translation>结束对比</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_panel.py" line="52"/>
        <source>Drop run B and go on with run A alone</source>
        <translation>放弃运行 B，只继续运行 A</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_panel.py" line="61"/>
        <source>No comparison: Train ▸ Compare…</source>
        <translation>尚无对比：训练 ▸ 对比…</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_panel.py" line="62"/>
        <source>No comparison: Train ▸ Compare… makes run B from this scene, with the settings you change, and trains both together.</source>
        <translation>当前没有对比：训练 ▸ 对比… 用你修改的设置从本场景生成运行 B，并同时训练两个运行。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_panel.py" line="66"/>
        <source>Both runs train together.</source>
        <translation>两个运行一起训练。</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_panel.py" line="67"/>
        <source>Step, Epoch, Play, Rewind and Reset act on both runs.</source>
        <translation>单步、一轮（epoch）、播放、后退和重置同时作用于两个运行。</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="47"/>
        <source>train</source>
        <extracomment>Size (px) of the view drawn for ``compare.png`` before it is scaled to --width. The columns of the final-numbers table: (split, English title), the splits the loss plot draws (a split no run has is left out). Its rows are A&apos;s and B&apos;s data loss, then (classification) their accuracy.</extracomment>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="48"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="49"/>
        <source>A data loss</source>
        <translation>A 数据损失</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="50"/>
        <source>B data loss</source>
        <translation>B 数据损失</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="51"/>
        <source>A accuracy</source>
        <translation>A 准确率</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="52"/>
        <source>B accuracy</source>
        <translation>B 准确率</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="76"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="76"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="79"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="114"/>
        <source>step</source>
        <extracomment>Least size (px) of each boundary canvas.</extracomment>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="116"/>
        <source>A train</source>
        <translation>A 训练</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="117"/>
        <source>A test</source>
        <translation>A 测试</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="118"/>
        <source>B train</source>
        <translation>B 训练</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="119"/>
        <source>B test</source>
        <translation>B 测试</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="297"/>
        <source>Settings that differ</source>
        <translation>不同的设置</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="298"/>
        <source>Final numbers</source>
        <translation>最终数值</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="299"/>
        <source>Data loss</source>
        <translation>数据损失</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="302"/>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="310"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="311"/>
        <source>The predictions of A and B on the data</source>
        <translation>A 和 B 在数据上的预测</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="313"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="314"/>
        <source>Numbers</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="322"/>
        <source>A (solid) · step {0}</source>
        <translation>A（实线）· 第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="323"/>
        <source>B (dashed) · step {0}</source>
        <translation>B（虚线）· 第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../gui/compare/compare_view.py" line="345"/>
        <source>none: B is A</source>
        <translation>无：B 与 A 相同</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../gui/controller.py" line="105"/>
        <source>A weight must be a finite number between −{0} and {0}</source>
        <extracomment>At full speed a frame (steps + redraw + painting) aims at this length, a little under FRAME_SECONDS so that jitter still leaves 30 frames/s: when the measured redraw and painting take more than TARGET_FRAME_SECONDS − STEP_BUDGET (a large window), the steps get less. ... but never less than this, so training still moves when a redraw is very slow. How many recent frames&apos; redraw-and-paint times the step budget looks at (their median). Evaluation mode of the sessions the controller trains (core.training.EVALUATION_MODES). An Epoch still running after this many seconds goes on in Play ticks (redrawing between them) and stops at the end of the epoch, so a long one — batch size 1 on 10,000 points is 7,000 steps — never freezes the window. Play&apos;s rate (steps/s) until someone chooses another: calm enough that a class can follow each step on the canvas and the loss surface (issue 13); 0 (as fast as possible) is one click or key away (the step toolbar&apos;s &quot;max&quot;). The sections of a Session&apos;s settings, in the order of :func:`settings_of`; a setting is named &quot;&lt;section&gt;.&lt;field&gt;&quot; in ``settingsChanged`` (a bare field name is ambiguous: each section has a ``seed``). Settings that change the training objective J = data loss + penalty without touching the weights: the newest history row is measured again (``Trainer.set_regularization``) and the loss surface&apos;s total loss changes, so the views of J redraw for them.</extracomment>
        <translation>权重必须是介于 −{0} 和 {0} 之间的有限数</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="579"/>
        <source>There are no training points: add points or regenerate</source>
        <translation>没有训练点：请添加数据点或重新生成</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="329"/>
        <source>Update needs a backward pass first</source>
        <extracomment>an ``errorOccurred`` message containing this text is no longer true (it was corrected) Play stopped by early stopping: (best validation step, evaluated steps since it) Restore best brought back the best validation step&apos;s weights: (step, &quot;ring&quot; / &quot;copy&quot;) hand edits since the last update: (the update record they follow, {ref: (value before the first edit, value set)}); read through :meth:`hand_edit` Seconds, monotonic: measures the step budgets and frame times (injectable). seconds the last full-speed tick spent in its steps (None: no such tick just before) recent full-speed frames&apos; seconds outside the steps: redraw, painting, event loop (k, unit) of the neuron clicked in the network diagram: a^k[unit], k = 0 … L &gt; 0 while an undo command changes the points (gui.canvas.commands); a whole-set change outside of one (lesson, scene, direct setting) invalidates the drawing undo history &quot;&lt;section&gt;.&lt;field&gt;&quot; settings no setter may change (Student mode&apos;s fixed settings) the step the timeline shows, when it is in the past (else None) asked before training from the past discards the future: (k, N) → &quot;continue&quot;, &quot;return&quot; or &quot;cancel&quot; (gui.app_window.timeline installs a dialog) the best validation step Play last stopped at (early stopping), None before: Play pressed again trains on until a new best runs out of patience the A/B runs (core.comparison.Comparison) while comparing: A is ``session``; run B follows every training action of A (:meth:`_follow`); None when not comparing</extracomment>
        <translation>更新之前需要先做反向传播</translation>
    </message>
    <message>
        <source>{0} cannot differ between the runs: both use the same points and split</source>
        <translation type="vanished">{0} 在两个运行之间不能不同：两者使用相同的数据点和划分</translation>
    </message>
    <message>
        <source>Run B: {0} = {1} is not allowed ({2})</source>
        <translation type="vanished">运行 B：{0} = {1} 不允许（{2}）</translation>
    </message>
    <message>
        <source>Run B: unknown setting {0}</source>
        <translation type="vanished">运行 B：未知设置 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="119"/>
        <source>Batch size 1 is not possible with batch norm: it normalizes with the mean and variance of the mini-batch, and one sample has no variance. Choose a batch size of at least 2, or turn batch norm off.</source>
        <translation>开启批量归一化时不能使用批量大小 1：它用小批量的均值和方差做归一化，而一个样本没有方差。请选择至少为 2 的批量大小，或关闭批量归一化。</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="581"/>
        <source>Batch norm needs at least 2 training points: add points or turn batch norm off</source>
        <translation>批量归一化至少需要 2 个训练点：请添加点，或关闭批量归一化</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="592"/>
        <source>Training diverged at step {0} ({1}): {2}</source>
        <translation>训练在第 {0} 步（{1}）发散：{2}</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="615"/>
        <source>Nothing to rewind</source>
        <translation>没有可后退的步</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="698"/>
        <source>Finish the current step before looking at the past</source>
        <translation>请先完成当前这一步，再查看过去的步</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="702"/>
        <source>Steps {0}…{1} can be shown, not step {2}</source>
        <translation>可以显示第 {0}…{1} 步，不能显示第 {2} 步</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="782"/>
        <source>{0} is fixed in this scene</source>
        <translation>{0}在此场景中已固定</translation>
    </message>
    <message>
        <location filename="../../gui/controller.py" line="984"/>
        <location filename="../../gui/controller.py" line="1023"/>
        <source>Finish the current step before moving the parameters</source>
        <translation>请先完成当前这一步，再移动参数</translation>
    </message>
</context>
<context>
    <name>CrossValidation</name>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="40"/>
        <source>k must be from {k_min} to {k_max}; it is {k}.</source>
        <extracomment>Words per ``core.cross_validation`` error code ({names} from the error&apos;s ``values``).</extracomment>
        <translation>k 必须在 {k_min} 到 {k_max} 之间；现在是 {k}。</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="42"/>
        <source>{k} folds need at least {k} points of every class among the training and validation points, but {name} has only {count}. Choose a smaller k or add points of that class.</source>
        <translation>{k} 折需要训练点和验证点中每个类别至少有 {k} 个点，但 {name} 只有 {count} 个。请选择更小的 k，或添加该类别的点。</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="46"/>
        <source>{k} folds need at least {k} training and validation points; there are {count}.</source>
        <translation>{k} 折至少需要 {k} 个训练点和验证点；现在有 {count} 个。</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="49"/>
        <source>The steps per fold must be at least 1.</source>
        <translation>每折的步数至少为 1。</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="134"/>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="193"/>
        <source>Cross-validate</source>
        <translation>交叉验证</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="135"/>
        <source>Trains the current settings k times from the same initial weights, each time holding out one fold of the training and validation points (stratified by class). The test points are not used.</source>
        <translation>用当前设置从相同的初始权重训练 k 次，每次留出训练点和验证点中的一折（按类别分层）。不使用测试点。</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="139"/>
        <source>Folds k:</source>
        <translation>折数 k：</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="140"/>
        <source>Steps per fold:</source>
        <translation>每折步数：</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="141"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="142"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="143"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="189"/>
        <source>Cross-validation failed: {0}</source>
        <translation>交叉验证失败：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="227"/>
        <source>Cross-validate…</source>
        <translation>交叉验证…</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_dialog.py" line="228"/>
        <source>k-fold cross-validation of the current settings</source>
        <translation>对当前设置做 k 折交叉验证</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="216"/>
        <source>Chart</source>
        <extracomment>One colour per fold (Okabe–Ito, then two greys): distinct for the ≤ 10 folds. Least height (px) of the plot: room for a few ticks of the loss axis.</extracomment>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="217"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="222"/>
        <source>Folds on the canvas</source>
        <translation>在画布上显示各折</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="223"/>
        <source>Outline each cross-validated point in the colour of its fold</source>
        <translation>用所属折的颜色圈出参与交叉验证的每个点</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="226"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="227"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="229"/>
        <source>validation loss, mean over folds</source>
        <translation>验证损失，各折平均</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="230"/>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="337"/>
        <source>mean ± std</source>
        <translation>均值 ± 标准差</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="231"/>
        <source>training loss, mean</source>
        <translation>训练损失，平均</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="232"/>
        <source>each fold (validation)</source>
        <translation>每一折（验证）</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="242"/>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="243"/>
        <source>points</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="244"/>
        <source>val. loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="245"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="246"/>
        <source>macro F1</source>
        <translation>宏平均 F1</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="251"/>
        <source>No cross-validation yet: Train ▸ Cross-validate…</source>
        <translation>尚未进行交叉验证：训练 ▸ 交叉验证…</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="254"/>
        <source>{0} folds × {1} steps (fold seed {2}), each from the same initial weights; validated on the held-out fold.</source>
        <translation>{0} 折 × {1} 步（分折种子 {2}），每折都从相同的初始权重开始；在留出的那一折上验证。</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="259"/>
        <source>Diverged: fold {0}.</source>
        <translation>发散：第 {0} 折。</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="335"/>
        <source>fold {0}</source>
        <translation>第 {0} 折</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="339"/>
        <source>mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="340"/>
        <source>std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/cross_validation_view.py" line="344"/>
        <source>diverged at step {0}</source>
        <translation>在第 {0} 步发散</translation>
    </message>
</context>
<context>
    <name>CsvError</name>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="21"/>
        <source>{file}: line 1: the file is binary, not UTF-8 text; expected a CSV file</source>
        <extracomment>Code → English text with the error&apos;s named values (see ``core.csv_io.CSV_MESSAGES``).</extracomment>
        <translation>{file}：第 1 行：这是二进制文件，不是 UTF-8 文本；需要 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="23"/>
        <source>{file}: line {line}: not UTF-8 text (byte 0x{byte}); save the file as UTF-8 CSV</source>
        <translation>{file}：第 {line} 行：不是 UTF-8 文本（字节 0x{byte}）；请把文件另存为 UTF-8 编码的 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="26"/>
        <source>{file}: near line {line}: not UTF-8 text; save the file as UTF-8 CSV</source>
        <translation>{file}：第 {line} 行附近：不是 UTF-8 文本；请把文件另存为 UTF-8 编码的 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="28"/>
        <source>{file}: the file is empty</source>
        <translation>{file}：文件是空的</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="29"/>
        <source>{file}: line {line} is not valid CSV (a quote or a field is malformed)</source>
        <translation>{file}：第 {line} 行不是有效的 CSV（引号或字段格式有误）</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="31"/>
        <source>{file}: line {line}: there is no column &apos;{column}&apos;; the columns are: {columns}</source>
        <translation>{file}：第 {line} 行：没有“{column}”列；现有的列为：{columns}</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="34"/>
        <source>{file}: line {line}: column &apos;{column}&apos; appears {count} times</source>
        <translation>{file}：第 {line} 行：“{column}”列出现了 {count} 次</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="36"/>
        <source>{file}: line {line} has {fields} field(s), but the header has {header_fields}</source>
        <translation>{file}：第 {line} 行有 {fields} 个字段，但表头有 {header_fields} 个</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="39"/>
        <source>{file}: line {line}, column &apos;{column}&apos;: &apos;{cell}&apos; is not a number</source>
        <translation>{file}：第 {line} 行，“{column}”列：“{cell}”不是数字</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="41"/>
        <source>{file}: line {line}, column &apos;{column}&apos;: &apos;{cell}&apos; is not a finite number</source>
        <translation>{file}：第 {line} 行，“{column}”列：“{cell}”不是有限的数</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="43"/>
        <source>{file}: line {line}, column &apos;{column}&apos;: &apos;{cell}&apos; is too large; features must lie within ±{limit}</source>
        <translation>{file}：第 {line} 行，“{column}”列：“{cell}”太大；特征的绝对值不能超过 {limit}</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="46"/>
        <source>{file}: line {line}, column &apos;{column}&apos;: &apos;{cell}&apos; is not a number (regression needs numeric targets)</source>
        <translation>{file}：第 {line} 行，“{column}”列：“{cell}”不是数字（回归需要数值目标）</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="49"/>
        <source>{file}: column &apos;{column}&apos; has more than {limit} different values and is not numeric (line {line}: &apos;{cell}&apos;), so it cannot be the label</source>
        <translation>{file}：“{column}”列有超过 {limit} 个不同的值，且不是数值（第 {line} 行：“{cell}”），因此不能作为标签</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="52"/>
        <source>{file}: column &apos;{column}&apos; has no values: all {rows} data rows are empty or NA</source>
        <translation>{file}：“{column}”列没有值：全部 {rows} 个数据行都是空值或 NA</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="55"/>
        <source>{file}: only {rows} usable data row(s) after dropping {dropped} with empty/NA cells; at least 2 are needed</source>
        <translation>{file}：丢弃 {dropped} 个含空值/NA 的行后，只剩 {rows} 个可用的数据行；至少需要 2 行</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="58"/>
        <source>{file}: column &apos;{column}&apos; has only one class (&apos;{cell}&apos;); classification needs at least 2</source>
        <translation>{file}：“{column}”列只有一个类别（“{cell}”）；分类至少需要 2 个类别</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="61"/>
        <source>{file}: column &apos;{column}&apos; has {count} classes; at most {limit} are supported</source>
        <translation>{file}：“{column}”列有 {count} 个类别；最多支持 {limit} 个</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="64"/>
        <source>Choose at least one feature column.</source>
        <translation>请至少选择一个特征列。</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="65"/>
        <source>Choose two different feature columns.</source>
        <translation>请选择两个不同的特征列。</translation>
    </message>
    <message>
        <location filename="../../gui/files/csv_errors.py" line="66"/>
        <source>Column &apos;{column}&apos; cannot be both a feature and the label.</source>
        <translation>“{column}”列不能同时作为特征和标签。</translation>
    </message>
</context>
<context>
    <name>DataCanvas</name>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="233"/>
        <source>#{0}</source>
        <extracomment>Significant digits of the hover label&apos;s numbers. Canvas range for generated data (inputs in [-6, 6]); the margin keeps the ±6 tick labels whole. Grid cells per axis while playing: the boundary is redrawn every frame, so it must be cheap (one forward pass over PLAY_RESOLUTION² points); bilinear scaling keeps it smooth. Points inside ±6 whose widest axis spans less than this are not generated-scale data (e.g. imported features in 0–1): the view is fitted to them instead of showing a tiny blob in ±6. The smallest generated preset spans ~5.6 (gaussians, 20 points, no noise). 2-D inputs are drawn to scale (1:1, a circle stays round) unless the range to show is more than this many times wider than high or vice versa — e.g. imported columns in unlike units (grams against millimetres), which at 1:1 would be squeezed into a thin strip. points drawn with a diameter growing with their own loss (View ▸ Size points by loss)</extracomment>
        <translation>#{0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="96"/>
        <location filename="../../gui/explain/attribution_view.py" line="429"/>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="320"/>
        <source>filled: training point</source>
        <translation>实心：训练点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="321"/>
        <source>training</source>
        <translation>训练点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="324"/>
        <source>square: validation point ({0}% of points)</source>
        <translation>方块：验证点（占数据点的 {0}%）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="326"/>
        <source>validation ({0}%)</source>
        <translation>验证点（{0}%）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="329"/>
        <source>hollow: test point ({0}% of points)</source>
        <translation>空心：测试点（占数据点的 {0}%）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="331"/>
        <source>test ({0}%)</source>
        <translation>测试点（{0}%）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="344"/>
        <source>training point #{0}</source>
        <translation>训练点 #{0}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="346"/>
        <source>validation point</source>
        <translation>验证点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="348"/>
        <source>test point</source>
        <translation>测试点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="352"/>
        <source>prediction: {0} (p = {1})</source>
        <translation>预测：{0}（p = {1}）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="356"/>
        <source>target y = {0} · {1}</source>
        <translation>目标 y = {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="358"/>
        <source>prediction: ŷ = {0}</source>
        <translation>预测：ŷ = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/presenter.py" line="360"/>
        <source>own loss at step {0}: {1}</source>
        <translation>第 {0} 步时自身的损失：{1}</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="43"/>
        <source>{0} · {1} points</source>
        <extracomment>The data settings that only describe generated points (hidden for imported/drawn ones).</extracomment>
        <translation>{0} · {1} 个点</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="47"/>
        <source>{0}, edited · {1} points</source>
        <translation>{0}（已编辑）· {1} 个点</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="49"/>
        <source>drawn · {0} points</source>
        <translation>手绘 · {0} 个点</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="52"/>
        <source>{0} · {1} rows · {2} dropped</source>
        <translation>{0} · {1} 行 · 丢弃 {2} 行</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="55"/>
        <source>{0} · random sample of {1} of {2} rows · {3} dropped</source>
        <translation>{0} · 从 {2} 行中随机抽取 {1} 行 · 丢弃 {3} 行</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="58"/>
        <source> · classes {0}</source>
        <translation> · 类别 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="69"/>
        <source>{0} training (filled) · {1} test (hollow) · new points: {2} % training</source>
        <translation>{0} 个训练点（实心）· {1} 个测试点（空心）· 新点：{2}% 用于训练</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="71"/>
        <source>{0} training (filled) · {1} validation (square) · {2} test (hollow) · new points: {3} % training, {4} % validation</source>
        <translation>{0} 个训练点（实心）· {1} 个验证点（方块）· {2} 个测试点（空心）· 新数据点：{3}% 训练，{4}% 验证</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="165"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="166"/>
        <source>Draw new points from the data set (undoable)</source>
        <translation>从数据集重新生成数据点（可撤销）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="170"/>
        <source>Use {0} instead</source>
        <translation>改用{0}数据</translation>
    </message>
    <message>
        <location filename="../../gui/panels/data_panel.py" line="172"/>
        <source>Replace these points by generated {0} points (undoable)</source>
        <translation>用生成的{0}数据点替换这些数据点（可撤销）</translation>
    </message>
</context>
<context>
    <name>DivergenceBanner</name>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="17"/>
        <source>forward</source>
        <extracomment>Phase names as shown in the banner title.</extracomment>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="18"/>
        <source>backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="19"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="23"/>
        <source>the training output is not finite</source>
        <extracomment>The cause of each ``core.divergence`` code: {0} = layer k, {1} = value, {2} = the limit.</extracomment>
        <translation>训练输出不是有限值</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="25"/>
        <source>the training loss is nan</source>
        <translation>训练损失为 nan（非数值）</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="26"/>
        <source>the training loss is {1}</source>
        <translation>训练损失为 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="27"/>
        <source>the loss J on the batch is nan</source>
        <translation>该批量上的损失 J 为 nan（非数值）</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="28"/>
        <source>the loss J on the batch is {1}</source>
        <translation>该批量上的损失 J 为 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="31"/>
        <source>a parameter of layer {0} became NaN</source>
        <translation>第 {0} 层的某个参数变成了非数值（nan）</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="32"/>
        <source>a parameter of layer {0} became infinite</source>
        <translation>第 {0} 层的某个参数变成了无穷大</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="34"/>
        <source>a parameter of layer {0} reached {1}, beyond ±{2}: the weights exploded</source>
        <translation>第 {0} 层的某个参数达到 {1}，超出了 ±{2}：权重爆炸了</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="37"/>
        <source>a value stopped being finite (saved by an older version)</source>
        <translation>某个数值不再是有限值（由旧版本保存）</translation>
    </message>
    <message>
        <source>the training loss is not finite</source>
        <translation type="vanished">训练损失不是有限值</translation>
    </message>
    <message>
        <source>the training loss is {0}</source>
        <translation type="vanished">训练损失为 {0}</translation>
    </message>
    <message>
        <source>the loss J on the batch is {0}</source>
        <translation type="vanished">该批量上的损失 J 为 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/divergence_text.py" line="29"/>
        <source>the gradient of layer {0} is not finite</source>
        <translation>第 {0} 层的梯度不是有限值</translation>
    </message>
    <message>
        <source>a parameter became infinite or NaN</source>
        <translation type="vanished">某个参数变成了无穷大或非数值</translation>
    </message>
    <message>
        <source>a parameter exceeded {0}: the weights exploded (the loss can stay finite once every unit is dead)</source>
        <translation type="vanished">某个参数超过了 {0}：权重爆炸了（当所有单元都“死亡”时，损失仍可能保持有限）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="86"/>
        <source>Lower the learning rate: try η = {0} (now {1}).</source>
        <extracomment>Unbounded ReLU-like hidden activations: a bounded one (tanh) can calm an explosion. Hidden activations whose units can die: output 0 with f′ = 0 for every input. Most of its parent&apos;s height (the area above and with the canvas) the banner takes to show every advice line; beyond it, a shorter form and a &quot;More…&quot; button. The banner&apos;s forms, fullest first (see DivergenceBanner). Least width (px) of the banner&apos;s texts: they wrap, so the banner never widens the canvas&apos;s column (at presenter 2× a row of text and buttons pushed a lesson&apos;s views to 330 px).</extracomment>
        <translation>降低学习率：试试 η = {0}（当前为 {1}）。</translation>
    </message>
    <message>
        <source>With L2 weight decay, η·λ must stay below 2 (now {0} × {1} = {2}): lower η below {3} or reduce the L2 rate.</source>
        <translation type="vanished">使用 L2 权重衰减时，η·λ 必须小于 2（当前 {0} × {1} = {2}）：请把 η 降到 {3} 以下，或减小 L2 系数。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="105"/>
        <source>This model has no hidden layer: its weights grew past the limit because the steps are too large for this data.</source>
        <translation>这个模型没有隐藏层：权重之所以超出上限，是因为对这份数据来说每一步都太大了。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="109"/>
        <source>With exploding weights every ReLU unit can die (output 0 for every input): the loss then stays finite and flat, hiding the blow-up.</source>
        <translation>权重爆炸时，所有 ReLU 单元都可能“死亡”（对任何输入都输出 0）：此时损失保持有限且不再变化，掩盖了发散。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="118"/>
        <source>Turn on gradient clipping (e.g. max norm 1) to cap the step size.</source>
        <translation>开启梯度裁剪（例如最大范数 1）以限制步长。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="123"/>
        <source>Use a bounded activation such as tanh instead of {0}.</source>
        <translation>改用有界的激活函数（如 tanh）代替 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="126"/>
        <source>Rewind a few steps (←) to go back to weights before the blow-up.</source>
        <translation>后退几步（←），回到发散之前的权重。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="219"/>
        <source>Rewind</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="220"/>
        <source>Go back one more step (←)</source>
        <translation>再后退一步（←）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="221"/>
        <source>Lower η ÷10</source>
        <translation>降低 η（÷10）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="223"/>
        <source>Divide the learning rate by 10 (keeps the weights)</source>
        <translation>将学习率除以 10（保留权重）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="224"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="226"/>
        <source>Re-initialize the network from its seed (R)</source>
        <translation>按种子重新初始化网络（R）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="227"/>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="228"/>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="248"/>
        <source>⚠  Training diverged during step {0} ({1})</source>
        <translation>⚠  训练在第 {0} 步（{1}）中发散</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="253"/>
        <source>{0}. Playback stopped at step {1}, the last finite weights.</source>
        <translation>{0}。播放停在第 {1} 步，即最后一组有限的权重。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="257"/>
        <source>Playback stopped at step {0}, the last finite weights.</source>
        <translation>播放停在第 {0} 步，即最后一组有限的权重。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="278"/>
        <source>{0} {1}</source>
        <comment>two sentences in a row</comment>
        <translation>{0}{1}</translation>
    </message>
    <message>
        <source>⚠  Training diverged at step {0} ({1})</source>
        <translation type="vanished">⚠  训练在第 {0} 步（{1}）发散</translation>
    </message>
    <message>
        <source>{0}. Playback stopped; the last finite weights were kept.</source>
        <translation type="vanished">{0}。播放已停止，保留了最后一组有限的权重。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/divergence_banner.py" line="263"/>
        <source>Lower η ÷10 (→ {0})</source>
        <translation>降低 η（÷10 → {0}）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/decay_warning.py" line="51"/>
        <source>With L2 weight decay, η·λ must stay below {0} for {1} (now {2} × {3} = {4}): lower η below {5} or reduce the L2 rate.</source>
        <translation>使用 L2 权重衰减时，{1} 的 η·λ 必须小于 {0}（当前 {2} × {3} = {4}）：请把 η 降到 {5} 以下，或减小 L2 系数。</translation>
    </message>
</context>
<context>
    <name>DrawToolbar</name>
    <message>
        <location filename="../../gui/canvas/draw_toolbar.py" line="12"/>
        <source>Click adds a point of the current class; right click the next class</source>
        <translation>单击添加当前类别的点；右键单击添加下一类别的点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/draw_toolbar.py" line="15"/>
        <source>Drag to spray points of the current class</source>
        <translation>拖动以喷出当前类别的点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/draw_toolbar.py" line="16"/>
        <source>Click removes the nearest point (or Ctrl+click with any tool)</source>
        <translation>单击删除最近的点（任何工具下也可按 Ctrl+单击）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/draw_toolbar.py" line="36"/>
        <source>Class {0} ({0}): a 3rd class makes the task multi-class (softmax)</source>
        <translation>类别 {0}（{0}）：第 3 个类别会使任务变为多分类（softmax）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/draw_toolbar.py" line="39"/>
        <source>Class {0} ({0})</source>
        <translation>类别 {0}（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/draw_toolbar.py" line="118"/>
        <source>Undo {0} (Ctrl+Z)</source>
        <translation>撤销：{0}（Ctrl+Z）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/draw_toolbar.py" line="122"/>
        <source>Redo {0} (Ctrl+Shift+Z)</source>
        <translation>重做：{0}（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/draw_toolbar.py" line="150"/>
        <source>click adds the point (x, y)</source>
        <translation>单击添加点 (x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/draw_toolbar.py" line="152"/>
        <source>click adds target +1, right click −1</source>
        <translation>单击添加目标值 +1，右键单击添加 −1</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../gui/export/animation.py" line="31"/>
        <source>MP4 needs the optional package imageio-ffmpeg: pip install imageio-ffmpeg</source>
        <extracomment>English; shown translated with context &quot;Export&quot;.</extracomment>
        <translation>导出 MP4 需要可选软件包 imageio-ffmpeg：pip install imageio-ffmpeg</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="75"/>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="76"/>
        <source>batch {0}</source>
        <translation>批量大小 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="80"/>
        <source>no regularization</source>
        <translation>无正则化</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="82"/>
        <source>epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="84"/>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="197"/>
        <source>Animations are saved as .gif or .mp4, not {0} extension ({1}).</source>
        <extracomment>Caption text relative to the application font, the font of the views&apos; axes and titles (views are grabbed at scale 1, so the caption sits with them, whatever the frame&apos;s width).</extracomment>
        <translation>动画只能保存为 .gif 或 .mp4，不能用扩展名 {0}（{1}）。</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="200"/>
        <source>Animations are saved as .gif or .mp4, not no extension ({0}).</source>
        <translation>动画只能保存为 .gif 或 .mp4，文件名缺少扩展名（{0}）。</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="204"/>
        <source>Frames per second must be in (0, 60], got {0}.</source>
        <translation>每秒帧数必须在 (0, 60] 之内，当前为 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="229"/>
        <source>Cannot start writing {0}: {1}</source>
        <translation>无法开始写入 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="264"/>
        <source>Writing frame {0} of {1} failed: {2}</source>
        <translation>写入第 {0} 帧到 {1} 时失败：{2}</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="272"/>
        <source>No frames were recorded, so {0} was not written.</source>
        <translation>没有录制到任何帧，因此未写入 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="278"/>
        <source>Finishing {0} failed: {1}</source>
        <translation>完成 {0} 时失败：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/export/animation.py" line="335"/>
        <source>Animation export cancelled; no file was written.</source>
        <translation>动画导出已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/export/data.py" line="102"/>
        <location filename="../../gui/export/data.py" line="122"/>
        <source>Layer {0} ({1}) contains NaN or infinite values; rewind or reset before exporting.</source>
        <translation>第 {0} 层（{1}）含有 NaN 或无穷大的值；请先后退或重置，再导出。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="54"/>
        <source>Cannot write {0}: the folder {1} does not exist.</source>
        <translation>无法写入 {0}：文件夹 {1} 不存在。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="57"/>
        <source>Cannot write {0}: it is a folder.</source>
        <translation>无法写入 {0}：这是一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="75"/>
        <source>Cannot write to the folder {0}: {1}.</source>
        <translation>无法写入文件夹 {0}：{1}。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="85"/>
        <source>Cannot write {0}: {1}.</source>
        <translation>无法写入 {0}：{1}。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="103"/>
        <source>Width must be between {0} and {1} px, got {2}.</source>
        <translation>宽度必须在 {0} 到 {1} 像素之间，当前为 {2}。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="115"/>
        <source>This plot is not shown in any view, so it cannot be exported.</source>
        <translation>此图没有显示在任何视图中，因此无法导出。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="154"/>
        <source>The view has no size yet (is it shown?), so it cannot be exported.</source>
        <translation>该视图还没有尺寸（是否已显示？），因此无法导出。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="309"/>
        <source>Qt could not encode the image as {0} for {1}.</source>
        <translation>Qt 无法把图像编码为 {0}（{1}）。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="424"/>
        <source>PDF width must be between 36 and 14400 pt, got {0}.</source>
        <translation>PDF 宽度必须在 36 到 14400 pt 之间，当前为 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/export/figures.py" line="442"/>
        <source>Cannot write {0}: the PDF writer could not open the file.</source>
        <translation>无法写入 {0}：PDF 写入器无法打开该文件。</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="42"/>
        <source>PNG image (*.png)</source>
        <extracomment>File-dialog filters (English; shown translated with context &quot;Export&quot;).</extracomment>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="43"/>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="44"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="45"/>
        <source>GIF animation (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="46"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="47"/>
        <source>CSV table (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="48"/>
        <source>JSON file (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="56"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="71"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="84"/>
        <source>PNG width</source>
        <translation>PNG 宽度</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="85"/>
        <source>Width in pixels (the height keeps the aspect ratio):</source>
        <translation>宽度（像素，高度按宽高比自动计算）：</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="163"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="163"/>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="164"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="164"/>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="205"/>
        <source>This plot is not shown in any view, so no menu can be added.</source>
        <translation>此图没有显示在任何视图中，因此无法添加菜单。</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="245"/>
        <location filename="../../gui/export/actions.py" line="328"/>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="255"/>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="265"/>
        <source>Training steps per frame</source>
        <translation>每帧训练步数</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="266"/>
        <source>Frames after the start</source>
        <translation>起始之后的帧数</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="350"/>
        <source>Encoding the file…</source>
        <translation>正在编码文件…</translation>
    </message>
    <message>
        <source>Number of frames</source>
        <translation type="vanished">帧数</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="268"/>
        <source>Frames per second</source>
        <translation>每秒帧数</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="276"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="290"/>
        <source>{0} frames: steps {1} and {2}</source>
        <translation>共 {0} 帧：第 {1} 步和第 {2} 步</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="293"/>
        <source>{0} frames: steps {1}, {2}, …, {3} (the start, then one every {4} steps)</source>
        <translation>共 {0} 帧：第 {1}、{2}、…、{3} 步（起始一帧，之后每 {4} 步一帧）</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="324"/>
        <source>Preparing the views…</source>
        <translation>正在准备视图…</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="339"/>
        <source>Recording the animation…</source>
        <translation>正在录制动画…</translation>
    </message>
    <message>
        <location filename="../../gui/export/actions.py" line="325"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/export/svg_fixes.py" line="133"/>
        <source>The SVG writer produced no &lt;svg&gt; element.</source>
        <translation>SVG 写入器没有生成 &lt;svg&gt; 元素。</translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="85"/>
        <source>Data canvas</source>
        <translation>数据画布</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="97"/>
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="130"/>
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="137"/>
        <source>Metrics</source>
        <translation>评估指标</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="143"/>
        <source>Attributions</source>
        <translation>归因</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="149"/>
        <source>Hidden space</source>
        <translation>隐藏空间</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="159"/>
        <source>Cross-validation</source>
        <translation>交叉验证</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="165"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="176"/>
        <source>Linear system</source>
        <translation>线性方程组</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="103"/>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="117"/>
        <source>Weight heatmaps</source>
        <translation>权重热图</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="124"/>
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="91"/>
        <source>&amp;Export</source>
        <extracomment>view id → its PNG/SVG/PDF/clipboard actions (also in the view&apos;s right-click menu) (controller, chosen views, sizes, theme) → a recorder of a copy of the session (gui.app_window.recording.record_training); None: no animation entry.</extracomment>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="113"/>
        <source>PNG image…</source>
        <translation>PNG 图像…</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="114"/>
        <source>SVG image…</source>
        <translation>SVG 图像…</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="115"/>
        <source>PDF…</source>
        <translation>PDF 文档…</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="116"/>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="127"/>
        <source>Whole window…</source>
        <translation>整个窗口…</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="129"/>
        <source>Copy window to clipboard</source>
        <translation>将窗口复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="133"/>
        <source>Animation of training (GIF/MP4)…</source>
        <translation>训练过程动画（GIF/MP4）…</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="136"/>
        <source>Points (CSV)…</source>
        <translation>数据点（CSV）…</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="138"/>
        <source>History (CSV)…</source>
        <translation>训练历史（CSV）…</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="140"/>
        <source>Model with weights (JSON)…</source>
        <translation>模型及权重（JSON）…</translation>
    </message>
    <message>
        <source>Weights (JSON, named layers)…</source>
        <translation type="vanished">权重（JSON，按层命名）…</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="142"/>
        <source>Weights (CSV)…</source>
        <translation>权重（CSV）…</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="194"/>
        <source>Window copied to the clipboard</source>
        <translation>窗口已复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="234"/>
        <source>No view is visible to record.</source>
        <translation>没有可录制的可见视图。</translation>
    </message>
    <message>
        <location filename="../../gui/export/menu.py" line="277"/>
        <source>Animation written to {0}</source>
        <translation>动画已写入 {0}</translation>
    </message>
    <message>
        <source>Inspector</source>
        <extracomment>Environment variable: any value but &quot;0&quot; turns off the &quot;save changes?&quot; question on quit; &quot;0&quot; asks even on the offscreen/minimal platforms (tests). Views whose docks a scene opens or closes (``views[&quot;open&quot;]``): the exportable views and the inspector, with the ids of lesson files.</extracomment>
        <translation type="vanished">检查器</translation>
    </message>
</context>
<context>
    <name>FontNotice</name>
    <message>
        <location filename="../../gui/app_window/font_notice.py" line="26"/>
        <source>No Chinese font installed</source>
        <extracomment>Shown after the English line naming the font packages, for when Chinese is legible after all.</extracomment>
        <translation>未安装中文字体</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/font_notice.py" line="82"/>
        <source>Hide this notice</source>
        <translation>隐藏此提示</translation>
    </message>
</context>
<context>
    <name>GradientNorms</name>
    <message>
        <location filename="../../gui/charts/gradient_norms.py" line="113"/>
        <source>layer {0} (W, b, γ, β)</source>
        <extracomment>Every measured step is a dot while the history has at most this many rows (a single point has no line to draw; a few dots show which steps were measured). Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry (gui.app_window.view_registry) reads this.</extracomment>
        <translation>第 {0} 层（W、b、γ、β）</translation>
    </message>
    <message>
        <location filename="../../gui/charts/gradient_norms.py" line="114"/>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
</context>
<context>
    <name>GraphicsScene</name>
    <message>
        <location filename="../../gui/export/actions.py" line="199"/>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>HiddenSpace</name>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="20"/>
        <source>Input line</source>
        <translation>输入直线</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="21"/>
        <source>Input plane</source>
        <translation>输入平面</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="23"/>
        <source>Network input x</source>
        <translation>网络输入 x</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="25"/>
        <source>Layer {0}: Wa + b</source>
        <translation>第 {0} 层：Wa + b</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="27"/>
        <source>Layer {0}: batch norm γ·û + β</source>
        <translation>第 {0} 层：批量归一化 γ·û + β</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="29"/>
        <source>Layer {0}: f = {1}</source>
        <translation>第 {0} 层：f = {1}</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="43"/>
        <source>variance explained: x {0}, y {1}</source>
        <translation>解释的方差：x {0}，y {1}</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="46"/>
        <source>{0} values, drawn as they are</source>
        <translation>{0} 个值，按原样画出</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="48"/>
        <source>1 value, drawn on a line (y = 0)</source>
        <translation>1 个值，画在一条直线上（y = 0）</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="51"/>
        <source>neurons {0} (x) and {1} (y) of {2}</source>
        <translation>{2} 个神经元中的第 {0} 个（x）和第 {1} 个（y）</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="54"/>
        <source>first two principal components of {0} values</source>
        <translation>{0} 个值的前两个主成分</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="57"/>
        <source>x along the output&apos;s weights, y across them ({0} values)</source>
        <translation>x 沿输出层的权重方向，y 与之垂直（{0} 个值）</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="59"/>
        <source>{0}; {1}</source>
        <translation>{0}；{1}</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="67"/>
        <source>No decision line in view: the output&apos;s line misses the drawn grid and points; all of them are on the side of {0}</source>
        <translation>视图中没有决策线：输出层的决策线不经过所画的网格和点；它们全都在{0}一侧</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="71"/>
        <source>Line: the output&apos;s decision boundary (exact)</source>
        <translation>直线：输出层的决策边界（精确）</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="72"/>
        <source>Line: the output&apos;s decision boundary cut by the drawn plane (an approximation)</source>
        <translation>直线：输出层的决策边界与所画平面的交线（近似）</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="74"/>
        <source>No decision line: regression</source>
        <translation>没有决策直线：回归</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="75"/>
        <source>No single decision line: three or more classes</source>
        <translation>没有单一的决策直线：三个或更多类别</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="77"/>
        <source>No decision line: the output&apos;s weights are zero in this plane</source>
        <translation>没有决策直线：输出层的权重在此平面内为零</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="81"/>
        <source>{0}; the whole plane is on the side of {1}</source>
        <translation>{0}；整个平面都在{1}一侧</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="89"/>
        <source>The network&apos;s parameters are not finite (training diverged): nothing to draw.</source>
        <translation>网络的参数不是有限数（训练发散了）：无法绘制。</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/texts.py" line="91"/>
        <source>The mapped values overflowed (not finite): nothing to draw.</source>
        <translation>映射后的值溢出（不是有限数）：无法绘制。</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="49"/>
        <source>Principal components</source>
        <extracomment>Slider positions per stage: the blend moves in 1/SUB_STEPS of a stage. Milliseconds between animation frames (about 25 frames per second; a stage per second). The view range is kept while the drawing fills at least this share of it along each axis (and fits inside): small moves after a training step do not rescale the axes, whose text is the costliest part of a repaint. The projection chooser&apos;s entries: (request code, English label).</extracomment>
        <translation>主成分</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="50"/>
        <source>Output direction</source>
        <translation>输出方向</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="51"/>
        <source>Two neurons</source>
        <translation>两个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="169"/>
        <source>Play</source>
        <extracomment>the exported figure: stage name, plot and captions (not the controls)</extracomment>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="170"/>
        <source>Move through the stages</source>
        <translation>依次经过各个阶段</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="171"/>
        <source>Stage: the input, then Wa + b and f of each hidden layer</source>
        <translation>阶段：输入，然后是每个隐藏层的 Wa + b 和 f</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="173"/>
        <source>Projection:</source>
        <translation>投影：</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="181"/>
        <source>neuron ({0}) </source>
        <translation>神经元（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="288"/>
        <source>stage {0} of {1}</source>
        <translation>第 {0} 阶段，共 {1} 个</translation>
    </message>
    <message>
        <location filename="../../gui/hidden_space/view.py" line="296"/>
        <source>The output&apos;s decision line is drawn in the last stage.</source>
        <translation>输出层的决策直线画在最后一个阶段。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="37"/>
        <source>auto</source>
        <extracomment>(item text, task value) of the Task picker; the code reads the value (item data).</extracomment>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="38"/>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="39"/>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="40"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <extracomment>Parts of the dialect description of ``core.csv_io.csv_columns`` (joined by &quot;, &quot;).</extracomment>
        <translation type="vanished">逗号分隔</translation>
    </message>
    <message>
        <source>semicolon-separated</source>
        <translation type="vanished">分号分隔</translation>
    </message>
    <message>
        <source>tab-separated</source>
        <translation type="vanished">制表符分隔</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="324"/>
        <source>decimal comma</source>
        <translation>小数点为逗号</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="325"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="306"/>
        <source>Choose a CSV file with Browse…, or type its path and press Enter.</source>
        <translation>用“浏览…”选择一个 CSV 文件，或输入它的路径后按回车键。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="232"/>
        <location filename="../../gui/files/import_dialog.py" line="292"/>
        <location filename="../../gui/files/import_dialog.py" line="350"/>
        <location filename="../../gui/files/import_dialog.py" line="386"/>
        <location filename="../../gui/files/import_dialog.py" line="578"/>
        <source>Import CSV</source>
        <extracomment>Preview rows the dialog opens tall enough to show (with every control), at any font size. The dialog opens this many average character widths wide (720 px at 9 pt) ... ... and at most this share of the screen&apos;s available width and height (room for the frame). Lines the summary always has room for, so a message of two lines moves nothing. Cells read to guess the feature and label columns: small files are read completely. Files up to this size are read completely on every pick, to show the dropped-row count live. At most this many rows are imported — the most points a generated data set may have (``DataSettings.n_points``), which the canvas and a Play frame handle; a larger file gives a random sample of this size.</extracomment>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="233"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="235"/>
        <source>Type or paste the path of a CSV file, then press Enter</source>
        <translation>输入或粘贴 CSV 文件的路径，然后按回车键</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="236"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="241"/>
        <source>Feature x1:</source>
        <translation>特征 x1：</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="241"/>
        <source>Feature x2:</source>
        <translation>特征 x2：</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="242"/>
        <source>Label / target:</source>
        <translation>标签 / 目标：</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="242"/>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="245"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="247"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="293"/>
        <source>CSV files (*.csv *.tsv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="340"/>
        <source>Press Enter to load the preview of this file.</source>
        <translation>按回车键加载此文件的预览。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="311"/>
        <source>Type the path of a CSV file, or choose one with Browse….</source>
        <translation>请输入 CSV 文件的路径，或用“浏览…”选择一个文件。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="42"/>
        <source>comma (,)</source>
        <extracomment>Code of each delimiter of ``core.csv_io.DELIMITERS`` → the Delimiter picker&apos;s text.</extracomment>
        <translation>逗号（,）</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="43"/>
        <source>semicolon (;)</source>
        <translation>分号（;）</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="44"/>
        <source>tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="45"/>
        <source>pipe (|)</source>
        <translation>竖线（|）</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="237"/>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="322"/>
        <source>delimiter not detected</source>
        <translation>未检测到分隔符</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="326"/>
        <source>, </source>
        <comment>separator of the file&apos;s properties</comment>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="358"/>
        <source>{0} is a folder, not a file. Choose a CSV file inside it with Browse….</source>
        <translation>{0} 是一个文件夹，不是文件。请用“浏览…”选择其中的 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="361"/>
        <source>There is no file {0}. Check the folder and the file name, or choose the file with Browse….</source>
        <translation>文件 {0} 不存在。请检查文件夹和文件名，或用“浏览…”选择文件。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="384"/>
        <source>Cannot read {0}:
{1}</source>
        <translation>无法读取 {0}：
{1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="474"/>
        <source>no file chosen</source>
        <translation>尚未选择文件</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="476"/>
        <source>{0}: the file has a header but no data rows</source>
        <translation>{0}：文件只有表头，没有数据行</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="479"/>
        <source>Only one column was found (delimiter: {0}). If the file uses another delimiter, choose it under Delimiter.</source>
        <translation>只找到一列（分隔符：{0}）。如果文件使用其他分隔符，请在“分隔符”中选择。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="487"/>
        <source>Column &apos;{0}&apos; has only one class (&apos;{1}&apos;), so no label column was guessed. Choose the label column.</source>
        <translation>列“{0}”只有一个类别（“{1}”），因此没有自动选定标签列。请选择标签列。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="491"/>
        <source>No column has two different values to learn from in the first rows, so no label column was guessed. Choose the label column.</source>
        <translation>前面的行中没有哪一列有两个不同的值可供学习，因此没有自动选定标签列。请选择标签列。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="494"/>
        <source>Choose the label column.</source>
        <translation>请选择标签列。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="496"/>
        <source>Choose the feature column x1.</source>
        <translation>请选择特征列 x1。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="498"/>
        <source>column &apos;{0}&apos; cannot be both a feature and the label</source>
        <translation>列“{0}”不能同时作为特征和标签</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="501"/>
        <source>choose two different feature columns</source>
        <translation>请选择两个不同的特征列</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="514"/>
        <source>Reading the file: {0} rows so far ({1} %). Cancel stops it.</source>
        <translation>正在读取文件：已读取 {0} 行（{1}%）。点击“取消”可停止读取。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="543"/>
        <source>Large file: rows are counted when you press Import; at most {0} (a random sample) are imported.</source>
        <translation>大文件：按“导入”时才统计行数；最多导入 {0} 行（随机抽样）。</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="550"/>
        <source>{0}</source>
        <comment>summary: why the chosen columns cannot be imported</comment>
        <translation>无法导入：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="579"/>
        <source>Cannot import:
{0}</source>
        <translation>无法导入：
{0}</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="590"/>
        <source>{0} rows</source>
        <translation>{0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="591"/>
        <source>{0} rows dropped (empty/NA)</source>
        <translation>丢弃 {0} 行（空值/NA）</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="593"/>
        <source>{0} rows (a random sample of {1} is imported)</source>
        <translation>{0} 行（导入其中 {1} 行的随机样本）</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="597"/>
        <source>{0} classes: {1}</source>
        <translation>{0} 个类别：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/import_dialog.py" line="600"/>
        <source>regression target</source>
        <translation>回归目标</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../gui/inspector/content.py" line="42"/>
        <source>ℓ = mean&lt;sub&gt;k&lt;/sub&gt; (ŷ&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt;)²</source>
        <translation>ℓ = mean&lt;sub&gt;k&lt;/sub&gt; (ŷ&lt;sub&gt;k&lt;/sub&gt; − y&lt;sub&gt;k&lt;/sub&gt;)²</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="64"/>
        <source>Training sample #{0}, row {1} of the mini-batch of {2}.</source>
        <translation>训练样本 #{0}，在 {2} 个样本的小批量中位于第 {1} 行。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="67"/>
        <source>Training sample #{0} is &lt;b&gt;not in this mini-batch&lt;/b&gt;: it does not contribute to this step. Its forward pass with the same parameters:</source>
        <translation>训练样本 #{0} &lt;b&gt;不在这个小批量中&lt;/b&gt;：它对这一步没有贡献。下面是它用同样的参数做的前向传播：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="71"/>
        <source>input x (the network&apos;s features):</source>
        <translation>输入 x（网络的特征）：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="80"/>
        <source>{0} units</source>
        <translation>{0} 个单元</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="81"/>
        <source>{0} unit</source>
        <translation>{0} 个单元</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="86"/>
        <source>&lt;b&gt;Layer {0}&lt;/b&gt; ({1}, {2}): {3}</source>
        <translation>&lt;b&gt;第 {0} 层&lt;/b&gt;（{1}，{2}）：{3}</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="96"/>
        <source>Forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="97"/>
        <source>Forward (this step)</source>
        <translation>前向传播（本步）</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="107"/>
        <source>batch statistics</source>
        <translation>小批量统计量</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="108"/>
        <source>running statistics</source>
        <translation>滑动统计量</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="110"/>
        <source>&lt;b&gt;Layer {0}&lt;/b&gt; ({1}, {2}, batch norm): {3}</source>
        <translation>&lt;b&gt;第 {0} 层&lt;/b&gt;（{1}，{2}，批量归一化）：{3}</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="117"/>
        <source>μ and σ² over the mini-batch ({0}), ε = {1}:</source>
        <translation>小批量上的 μ 与 σ²（{0}），ε = {1}：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="145"/>
        <source>y = class {0}, one-hot</source>
        <translation>y = 类别 {0}，独热编码</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="150"/>
        <source>sample loss ℓ</source>
        <translation>样本损失 ℓ</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="153"/>
        <source>mean over the n = {0} samples of the batch:</source>
        <translation>对批量中的 n = {0} 个样本取平均：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="154"/>
        <source>J_data</source>
        <translation>J_data</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="156"/>
        <source>J = J_data + penalty:</source>
        <translation>J = J_data + 惩罚项：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="157"/>
        <source>penalty</source>
        <translation>惩罚项</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="159"/>
        <source>Output and loss</source>
        <translation>输出与损失</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="189"/>
        <source>δ{0} = ∂J/∂z{0} = 2(ŷ − y)/(n·d) with n = {1}, d = {2} (linear output: f′ = 1)</source>
        <translation>δ{0} = ∂J/∂z{0} = 2(ŷ − y)/(n·d)，其中 n = {1}，d = {2}（线性输出：f′ = 1）</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="194"/>
        <source>δ{0} = ∂J/∂z{0} = 2(ŷ − y)/(n·d) ⊙ f′(z{0}) with n = {1}, d = {2}, f′(z) = ŷ(1 − ŷ)</source>
        <translation>δ{0} = ∂J/∂z{0} = 2(ŷ − y)/(n·d) ⊙ f′(z{0})，其中 n = {1}，d = {2}，f′(z) = ŷ(1 − ŷ)</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="199"/>
        <source>δ{0} = ∂J/∂z{0} = J_softmaxᵀ · 2(ŷ − y)/(n·d) with n = {1}, d = {2}. Softmax has no element-wise f′: every output depends on every z, through its Jacobian J_softmax = ∂p/∂z = diag(p) − p pᵀ (symmetric).</source>
        <translation>δ{0} = ∂J/∂z{0} = J_softmaxᵀ · 2(ŷ − y)/(n·d)，其中 n = {1}，d = {2}。softmax 没有逐元素的 f′：每个输出都依赖于每个 z，它们通过雅可比矩阵 J_softmax = ∂p/∂z = diag(p) − p pᵀ（对称）联系在一起。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="225"/>
        <source>dropout p = {0}: m{1} is this step&apos;s mask of layer {2} (0 = dropped)</source>
        <translation>dropout p = {0}：m{1} 是第 {2} 层在这一步的掩码（0 = 被丢弃）</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="240"/>
        <source>through the batch norm: g = δ{0} ⊙ γ{0}, ∂J/∂u{0} = (g − mean(g) − û{0} ⊙ mean(g ⊙ û{0}))/√(σ{0}² + ε), means over the mini-batch (μ and σ² depend on every sample)</source>
        <translation>经过批量归一化：g = δ{0} ⊙ γ{0}，∂J/∂u{0} = (g − mean(g) − û{0} ⊙ mean(g ⊙ û{0}))/√(σ{0}² + ε)，均值取自小批量（μ 和 σ² 依赖于每个样本）</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="245"/>
        <source>through the batch norm (running statistics): ∂J/∂u{0} = δ{0} ⊙ γ{0}/√(σ{0}² + ε)</source>
        <translation>经过批量归一化（滑动统计量）：∂J/∂u{0} = δ{0} ⊙ γ{0}/√(σ{0}² + ε)</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="259"/>
        <source>Sample #{0} is not in this mini-batch, so it has no δ in this step (it adds nothing to ∂J/∂W). The batch&apos;s gradients:</source>
        <translation>样本 #{0} 不在这个小批量中，所以这一步它没有 δ（它对 ∂J/∂W 没有贡献）。该批量的梯度：</translation>
    </message>
    <message>
        <source>δ{0} = ∂J/∂z{0} = 2(ŷ − y)/(n·d) ⊙ f′(z{0}) with n = {1}, d = {2}</source>
        <translation type="vanished">δ{0} = ∂J/∂z{0} = 2(ŷ − y)/(n·d) ⊙ f′(z{0})，其中 n = {1}，d = {2}</translation>
    </message>
    <message>
        <source> (linear output: f′ = 1)</source>
        <translation type="vanished">（线性输出：f′ = 1）</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="183"/>
        <source>δ{0} = ∂J/∂z{0} = (p − y)/n with n = {1} (the 1/n of the batch mean)</source>
        <translation>δ{0} = ∂J/∂z{0} = (p − y)/n，其中 n = {1}（即批量平均中的 1/n）</translation>
    </message>
    <message>
        <source>With dropout, (W)ᵀδ is also multiplied by the layer&apos;s mask m/(1−p).</source>
        <translation type="vanished">使用 dropout 时，(W)ᵀδ 还要乘以该层的掩码 m/(1−p)。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="266"/>
        <source>&lt;b&gt;Gradients of the batch&lt;/b&gt;: ∂J/∂W&lt;sup&gt;k&lt;/sup&gt; = Σ&lt;sub&gt;batch&lt;/sub&gt; δ&lt;sup&gt;k&lt;/sup&gt; (a&lt;sup&gt;k−1&lt;/sup&gt;)ᵀ — δ already carries the 1/n, so this is the mean over the batch of n·δ aᵀ — plus the penalty term; ∂J/∂b&lt;sup&gt;k&lt;/sup&gt; = Σ&lt;sub&gt;batch&lt;/sub&gt; δ&lt;sup&gt;k&lt;/sup&gt;.</source>
        <translation>&lt;b&gt;批量的梯度&lt;/b&gt;：∂J/∂W&lt;sup&gt;k&lt;/sup&gt; = Σ&lt;sub&gt;batch&lt;/sub&gt; δ&lt;sup&gt;k&lt;/sup&gt; (a&lt;sup&gt;k−1&lt;/sup&gt;)ᵀ——δ 已经含有 1/n，所以这就是 n·δ aᵀ 在批量上的平均——再加上惩罚项；∂J/∂b&lt;sup&gt;k&lt;/sup&gt; = Σ&lt;sub&gt;batch&lt;/sub&gt; δ&lt;sup&gt;k&lt;/sup&gt;。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="272"/>
        <source>With batch norm, W&lt;sup&gt;k&lt;/sup&gt; and b&lt;sup&gt;k&lt;/sup&gt; of a normalized layer get ∂J/∂u&lt;sup&gt;k&lt;/sup&gt; in place of δ&lt;sup&gt;k&lt;/sup&gt;; ∂J/∂γ&lt;sup&gt;k&lt;/sup&gt; = Σ&lt;sub&gt;batch&lt;/sub&gt; δ&lt;sup&gt;k&lt;/sup&gt; ⊙ û&lt;sup&gt;k&lt;/sup&gt;, ∂J/∂β&lt;sup&gt;k&lt;/sup&gt; = Σ&lt;sub&gt;batch&lt;/sub&gt; δ&lt;sup&gt;k&lt;/sup&gt;. The bias b&lt;sup&gt;k&lt;/sup&gt; of a normalized layer has a zero gradient in exact arithmetic (subtracting μ cancels it): what is shown is rounding noise.</source>
        <translation>开启批量归一化时，归一化层的 W&lt;sup&gt;k&lt;/sup&gt; 和 b&lt;sup&gt;k&lt;/sup&gt; 用 ∂J/∂u&lt;sup&gt;k&lt;/sup&gt; 代替 δ&lt;sup&gt;k&lt;/sup&gt;；∂J/∂γ&lt;sup&gt;k&lt;/sup&gt; = Σ&lt;sub&gt;batch&lt;/sub&gt; δ&lt;sup&gt;k&lt;/sup&gt; ⊙ û&lt;sup&gt;k&lt;/sup&gt;，∂J/∂β&lt;sup&gt;k&lt;/sup&gt; = Σ&lt;sub&gt;batch&lt;/sub&gt; δ&lt;sup&gt;k&lt;/sup&gt;。归一化层的偏置 b&lt;sup&gt;k&lt;/sup&gt; 在精确算术中梯度为零（减去 μ 会把它抵消）：这里显示的只是舍入误差。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="297"/>
        <source>Backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="314"/>
        <source>momentum</source>
        <translation>动量 μ</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="315"/>
        <source>alpha</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="315"/>
        <source>eps</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="316"/>
        <source>beta1</source>
        <translation>β₁</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="316"/>
        <source>beta2</source>
        <translation>β₂</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="345"/>
        <source>θ old</source>
        <translation>θ 旧值</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="350"/>
        <source>The gradients were clipped to global norm {0}:</source>
        <translation>梯度已按全局范数 {0} 裁剪：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="354"/>
        <source>terms of step t = {0}:</source>
        <translation>第 t = {0} 步的各项：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="356"/>
        <source>θ new = θ old + Δθ:</source>
        <translation>θ 新值 = θ 旧值 + Δθ：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="358"/>
        <source>The optimizer&apos;s state was reset since this update; its terms are gone.</source>
        <translation>这次更新之后优化器的状态已被重置，其中的各项已不复存在。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="361"/>
        <location filename="../../gui/inspector/content.py" line="371"/>
        <source>θ new</source>
        <translation>θ 新值</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="366"/>
        <source>{0} after the update:</source>
        <translation>更新后的 {0}：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="367"/>
        <location filename="../../gui/inspector/content.py" line="392"/>
        <source>{0} new</source>
        <translation>{0} 新值</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="370"/>
        <source>then set by hand:</source>
        <translation>随后手动设置：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="372"/>
        <source>θ set by hand</source>
        <translation>θ 手动设置值</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="373"/>
        <source>{0} now (set by hand after the update):</source>
        <translation>当前的 {0}（更新后又手动设置）：</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="375"/>
        <source>{0} now</source>
        <translation>{0} 当前值</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="379"/>
        <source>Update of {0}</source>
        <translation>{0} 的更新</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="390"/>
        <source>{0} old</source>
        <translation>{0} 旧值</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="395"/>
        <source>Layer {0} is batch-normalized: its bias b has a zero gradient in exact arithmetic (μ subtracts it again), so only rounding noise moves it; β does the bias&apos;s job.</source>
        <translation>第 {0} 层做了批量归一化：它的偏置 b 在精确算术中梯度为零（μ 又把它减掉了），所以只有舍入误差会改变它；偏置的作用由 β 承担。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="413"/>
        <source>Nothing computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/content.py" line="414"/>
        <source>Press &lt;b&gt;Forward&lt;/b&gt; (F) to run the network on the next mini-batch, then &lt;b&gt;Backward&lt;/b&gt; (B) and &lt;b&gt;Update&lt;/b&gt; (U) — or &lt;b&gt;Step&lt;/b&gt; (S) for all three.</source>
        <translation>按 &lt;b&gt;前向&lt;/b&gt;（F）在下一个小批量上运行网络，然后按 &lt;b&gt;反向&lt;/b&gt;（B）和 &lt;b&gt;更新&lt;/b&gt;（U）——或按 &lt;b&gt;单步&lt;/b&gt;（S）一次完成全部三个阶段。</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/widget.py" line="33"/>
        <source>step complete</source>
        <extracomment>Seconds between redraws while playing: laying out the rich text takes tens of ms, and the numbers of a network training at hundreds of steps per second cannot be read anyway. Pausing redraws at once.</extracomment>
        <translation>本步完成</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/widget.py" line="34"/>
        <source>after Forward</source>
        <translation>前向传播之后</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/widget.py" line="35"/>
        <source>after Backward</source>
        <translation>反向传播之后</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/widget.py" line="41"/>
        <source>forward</source>
        <translation>前向传播</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/widget.py" line="42"/>
        <source>backward</source>
        <translation>反向传播</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/widget.py" line="43"/>
        <source>update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/widget.py" line="125"/>
        <source> · playing: refreshed every 2 s</source>
        <extracomment>Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry reads this. Every training setting: the update rule shows η, the optimizer, L1/L2 and clipping.</extracomment>
        <translation> · 播放中：每 2 秒刷新一次</translation>
    </message>
    <message>
        <location filename="../../gui/inspector/widget.py" line="126"/>
        <source>Step {0} · {1} · next: {2}</source>
        <translation>第 {0} 步 · {1} · 下一步：{2}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../gui/common/i18n.py" line="251"/>
        <location filename="../../gui/common/i18n.py" line="287"/>
        <source>Language</source>
        <extracomment>Language code → name shown in View ▸ Language (each in its own language). Translation context of texts harvested from widgets that do not call tr() themselves.</extracomment>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>LessonBar</name>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="442"/>
        <source>Answer: {0}</source>
        <extracomment>A lesson&apos;s session measures every step (``Trainer(evaluation=&quot;every_step&quot;)``): its choices and claims (``core.lesson_outcomes.measure``, e.g. ``loss_increase_fraction``) are per-step metrics, checked headless the same way, and lesson data sets are small. the decision threshold the lesson&apos;s steps set so far (its numbers are measured at it)</extracomment>
        <translation>答案：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="444"/>
        <source>✓ Right: {0}</source>
        <translation>✓ 答对了：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="446"/>
        <source>✗ Not this time. Answer: {0}</source>
        <translation>✗ 这次没猜中。答案：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="463"/>
        <source>Lesson steps</source>
        <translation>课程步骤</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="464"/>
        <source>Back to the start of the step before</source>
        <translation>回到上一步的开始</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="466"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="467"/>
        <source>Close the lesson bar</source>
        <translation>关闭课程栏</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="498"/>
        <source>Playing…</source>
        <translation>正在播放…</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="500"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="502"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="524"/>
        <source>training loss</source>
        <extracomment>Metrics whose value is a feature or class index: the revealed answer names it already.</extracomment>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="525"/>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="526"/>
        <source>training accuracy</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="527"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="528"/>
        <source>selected parameter</source>
        <translation>选中的参数</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="529"/>
        <source>share of steps where the loss rose</source>
        <translation>损失上升的步数占比</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="530"/>
        <source>first ÷ last layer gradient</source>
        <translation>第一层梯度 ÷ 最后一层梯度</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="531"/>
        <source>first layer&apos;s weight change</source>
        <translation>第一层权重的变化</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="532"/>
        <source>final ÷ lowest test loss</source>
        <translation>最终测试损失 ÷ 最低测试损失</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="533"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="534"/>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="535"/>
        <source>precision (test, class 1)</source>
        <translation>精确率（测试集，类别 1）</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lesson_bar.py" line="536"/>
        <source>recall (test, class 1)</source>
        <translation>召回率（测试集，类别 1）</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../gui/classroom/lessons_menu.py" line="96"/>
        <source>Both languages (English and 中文)</source>
        <extracomment>The heading belongs to the lesson text, so it follows the text&apos;s language (not the interface&apos;s). Shown instead of the lesson&apos;s text while a question of its bar is unanswered: the text explains what happens (the answers), so it waits for them (in the text&apos;s language, too).</extracomment>
        <translation>双语显示（English 和中文）</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lessons_menu.py" line="116"/>
        <source>Choose a lesson in the Lessons menu.</source>
        <translation>请在“课程”菜单中选择一节课。</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lessons_menu.py" line="235"/>
        <source>&amp;Lessons</source>
        <extracomment>a lesson opened its views (``apply_views``): presenter mode arranges them</extracomment>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lessons_menu.py" line="236"/>
        <source>Lesson notes</source>
        <translation>课程说明</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lessons_menu.py" line="253"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/lessons_menu.py" line="254"/>
        <source>Cannot load this lesson:</source>
        <translation>无法加载这节课：</translation>
    </message>
    <message>
        <source>Lesson: %1</source>
        <translation type="vanished">课程：%1</translation>
    </message>
</context>
<context>
    <name>LinearSystem</name>
    <message>
        <source>+ Equation</source>
        <extracomment>Equations the editor allows: a square system (2) up to an overdetermined one of 6 lines.</extracomment>
        <translation type="vanished">+ 方程</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/editor.py" line="97"/>
        <source>Add an equation (a line)</source>
        <extracomment>Equations the editor allows: a square system (2) up to an overdetermined one of 6 lines. beside the entries: the two buttons side by side, then what the view adds (its examples), so the system takes the rows of its equations and no row of its own</extracomment>
        <translation>添加一个方程（一条直线）</translation>
    </message>
    <message>
        <source>− Equation</source>
        <translation type="vanished">− 方程</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/editor.py" line="99"/>
        <source>Remove the last equation</source>
        <translation>删除最后一个方程</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/editor.py" line="101"/>
        <source>({0})</source>
        <translation>({0})</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/plots.py" line="111"/>
        <source>Drag to move line ({0}); the equation follows</source>
        <extracomment>Entries written by a drag are rounded to this many decimals (the editor shows them). Half-width of the lines plot around its centre when nothing asks for more.</extracomment>
        <translation>拖动以移动直线 ({0})；方程随之改变</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/plots.py" line="218"/>
        <source>A has {0} rows: it maps the plane into {0}-D space, not drawn here.</source>
        <translation>A 有 {0} 行：它把平面映射到 {0} 维空间，这里不画出。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="49"/>
        <source>Equation {0}: every entry must be a finite number.</source>
        <extracomment>Least height of the plot, in lines of the view&apos;s font, for the system (equations, numbers, message) to stay above the tabs: in a shorter view (a lesson&apos;s column at presenter 2x) it becomes the first tab, &quot;Ax = b&quot;.</extracomment>
        <translation>方程 {0}：每一项都必须是有限的数。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="52"/>
        <source>Equation {0}: use numbers between {1} and {2} in size (or 0).</source>
        <translation>方程 {0}：请使用绝对值在 {1} 与 {2} 之间的数（或 0）。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="56"/>
        <source>Equation {0}: both coefficients are 0, so it is not a line.</source>
        <translation>方程 {0}：两个系数都是 0，所以它不是一条直线。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="58"/>
        <source>Give 2 to 6 equations, each with two coefficients and a right-hand side.</source>
        <translation>请给出 2 到 6 个方程，每个方程有两个系数和一个右端项。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="62"/>
        <source>One solution: the lines cross at x = ({0}, {1}), np.linalg.solve(A, b).</source>
        <translation>唯一解：两条直线交于 x = ({0}, {1})，即 np.linalg.solve(A, b)。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="65"/>
        <source>Ill-conditioned: cond(A) = {0} &gt; {1}. The lines are nearly parallel, so a small change in b moves the answer far. np.linalg.solve gives x = ({2}, {3}).</source>
        <translation>病态：cond(A) = {0} &gt; {1}。两条直线几乎平行，b 的微小变化会让解移得很远。np.linalg.solve 给出 x = ({2}, {3})。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="70"/>
        <source>Singular: det A = 0 and the lines are parallel. No solution.</source>
        <translation>奇异：det A = 0，两条直线平行。无解。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="74"/>
        <source>Singular: det A = 0 and the lines coincide. Every point ({0}, {1}) + t·({2}, {3}) is a solution.</source>
        <translation>奇异：det A = 0，两条直线重合。每个点 ({0}, {1}) + t·({2}, {3}) 都是解。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="78"/>
        <source>{0} equations, 2 unknowns: no exact solution in general. np.linalg.lstsq gives x* = ({1}, {2}), the point with the least sum of squared residuals ‖Ax* − b‖² = {3} (purple: the residuals).</source>
        <translation>{0} 个方程、2 个未知数：一般没有精确解。np.linalg.lstsq 给出 x* = ({1}, {2})，即残差平方和最小的点，‖Ax* − b‖² = {3}（紫色：残差）。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="86"/>
        <source>{0} With b + δb (dashed) the answer moves to ({1}, {2}): {3} away.</source>
        <translation>{0}换成 b + δb（虚线）后，解移到 ({1}, {2})：移动了 {3}。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="98"/>
        <source>det A = {0}    cond(A) = {1}</source>
        <translation>det A = {0}    cond(A) = {1}</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="100"/>
        <source>cond(A) = {0}</source>
        <translation>cond(A) = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="109"/>
        <source>η = {0} &lt; 1/λ_max(AᵀA) = {1}: gradient descent on ‖Ax − b‖² walks downhill to the least-squares point.</source>
        <translation>η = {0} &lt; 1/λ_max(AᵀA) = {1}：在 ‖Ax − b‖² 上的梯度下降一路下坡，走到最小二乘点。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="112"/>
        <source>η = {0} = 1/λ_max(AᵀA): each step overshoots by exactly as much as it corrects; the path swings forever.</source>
        <translation>η = {0} = 1/λ_max(AᵀA)：每一步冲过头的量恰好等于它纠正的量；路径永远来回摆动。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="114"/>
        <source>η = {0} &gt; 1/λ_max(AᵀA) = {1}: each step overshoots further; gradient descent diverges.</source>
        <translation>η = {0} &gt; 1/λ_max(AᵀA) = {1}：每一步都冲得更远；梯度下降发散。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="234"/>
        <source>Example: 3x₁ + x₂ = 9, x₁ + 2x₂ = 8</source>
        <extracomment>the plots&apos; pages, in the order of PLOTS the system: entries, examples and δb, numbers, message (above the tabs, or the first tab when compact)</extracomment>
        <translation>例子：3x₁ + x₂ = 9，x₁ + 2x₂ = 8</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="235"/>
        <source>Parallel lines</source>
        <translation>平行直线</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="236"/>
        <source>Coincident lines</source>
        <translation>重合直线</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="237"/>
        <source>Nearly parallel lines</source>
        <translation>几乎平行的直线</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="238"/>
        <source>Three lines</source>
        <translation>三条直线</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="241"/>
        <source>Examples…</source>
        <translation>例子…</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="245"/>
        <source>δb:</source>
        <translation>δb：</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="246"/>
        <source>δb: change the last right-hand side b by this much; the dashed lines and the ring show the new answer</source>
        <translation>δb：把最后一个右端项 b 改变这么多；虚线和圆圈显示新的解</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="249"/>
        <source>Lines</source>
        <translation>直线</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="250"/>
        <source>A as a map</source>
        <translation>A 作为映射</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="251"/>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="255"/>
        <location filename="../../gui/linear_systems/view.py" line="343"/>
        <source>Ax = b</source>
        <translation>Ax = b</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="256"/>
        <source>η</source>
        <translation>η</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="257"/>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="272"/>
        <source>Each line is one equation; drag its two squares to move it. ●: the answer; ○: the answer for b + δb.</source>
        <translation>每条直线是一个方程；拖动它的两个方块来移动它。●：解；○：b + δb 的解。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="274"/>
        <source>Grey: the grid of the plane; blue: its image x ↦ Ax; thick: Ae₁ and Ae₂, the columns of A. A multiplies every area by |det A|.</source>
        <translation>灰色：平面的网格；蓝色：它在 x ↦ Ax 下的像；粗线：Ae₁ 和 Ae₂，即 A 的两列。A 把每块面积乘以 |det A|。</translation>
    </message>
    <message>
        <location filename="../../gui/linear_systems/view.py" line="276"/>
        <source>Colour: log(1 + ‖Ax − b‖²); □: the start; ✕: the least-squares point; white: the path of gradient descent.</source>
        <translation>颜色：log(1 + ‖Ax − b‖²)；□：起点；✕：最小二乘点；白色：梯度下降的路径。</translation>
    </message>
</context>
<context>
    <name>LossCurve</name>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="58"/>
        <source>test accuracy</source>
        <extracomment>Dots mark the evaluated rows while some rows are batch-only, up to this many (beyond it the joined line alone is drawn: dots would merge and cost every frame). QSettings key of the &quot;J&quot; check box (bool; default on). Line width when paused; during Play 1-px lines are used, because Qt strokes wider antialiased polylines several times slower (the curve is redrawn every frame). Solid lines only: dashed polylines are slow too. Names of the lines in keys and legends.</extracomment>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="59"/>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="60"/>
        <source>train data loss</source>
        <translation>训练数据损失</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="61"/>
        <source>validation data loss</source>
        <translation>验证数据损失</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="62"/>
        <source>test data loss</source>
        <translation>测试数据损失</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="63"/>
        <source>best validation: step {0}</source>
        <translation>最佳验证：第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="64"/>
        <source>J = train data loss + penalty</source>
        <translation>J = 训练数据损失 + 惩罚项</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="65"/>
        <source>mini-batch data loss</source>
        <translation>小批量数据损失</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="68"/>
        <source>train</source>
        <extracomment>Short names in the key row above the plot (its axes say &quot;data loss&quot; and &quot;… accuracy&quot;): they fit a narrow dock at presenter scale.</extracomment>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="69"/>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="70"/>
        <source>test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="71"/>
        <source>mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="72"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="218"/>
        <source>Restore best</source>
        <extracomment>the best validation step shown (None: none) and whether its weights can come back</extracomment>
        <translation>恢复最佳</translation>
    </message>
    <message>
        <source>Step N is the network after N updates (step 0: the initial weights). Each point is the mean loss over the whole training or test set at those weights, without the L1/L2 penalty (the data loss).</source>
        <translation type="vanished">第 N 步即经过 N 次更新后的网络（第 0 步：初始权重）。每个点是在这些权重下整个训练集或测试集上的平均损失，不含 L1/L2 惩罚项（即数据损失）。</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="221"/>
        <source>Step N is the network after N updates (step 0: the initial weights). Each point is the mean loss over the whole training or test set at those weights, without the L1/L2 penalty (the data loss). The faint line is the loss of each update&apos;s mini-batch, drawn at the step whose weights it was measured at; dots mark the steps measured on the whole sets when not every step is.</source>
        <translation>第 N 步即经过 N 次更新后的网络（第 0 步：初始权重）。每个点是在这些权重下整个训练集或测试集上的平均损失，不含 L1/L2 惩罚项（即数据损失）。浅色线是每次更新所用小批量的损失，画在测量它时所用权重的那一步；并非每一步都在全部数据上测量时，圆点标出在全部数据上测量过的步。</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="229"/>
        <source>Show J = training data loss + L1/L2 penalty: the quantity the optimizer minimizes. The other lines are data losses, without the penalty.</source>
        <translation>显示 J = 训练数据损失 + L1/L2 惩罚项：优化器最小化的量。其他曲线是不含惩罚项的数据损失。</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="470"/>
        <source>Early stopping is off: there are no validation points (validation share 0 %).</source>
        <translation>早停已关闭：没有验证点（验证比例为 0%）。</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="473"/>
        <source>No best validation step yet: train first.</source>
        <translation>还没有最佳验证步：请先训练。</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="475"/>
        <source>Bring back the weights of the best validation step (step {0}).</source>
        <translation>恢复最佳验证步（第 {0} 步）的权重。</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="523"/>
        <source>step {0}</source>
        <translation>步数 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="524"/>
        <source>train data loss {0}</source>
        <translation>训练数据损失 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="526"/>
        <source>validation data loss {0}</source>
        <translation>验证数据损失 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="527"/>
        <source>test data loss {0}</source>
        <translation>测试数据损失 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="529"/>
        <source>penalty {0}</source>
        <translation>惩罚项 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="530"/>
        <source>J {0}</source>
        <translation>J {0}</translation>
    </message>
    <message>
        <source>train loss {0}</source>
        <translation type="vanished">训练损失 {0}</translation>
    </message>
    <message>
        <source>test loss {0}</source>
        <translation type="vanished">测试损失 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="532"/>
        <source>train acc {0}</source>
        <translation>训练准确率 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="535"/>
        <source>validation acc {0}</source>
        <translation>验证准确率 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/charts/loss_curve.py" line="536"/>
        <source>test acc {0}</source>
        <translation>测试准确率 {0}</translation>
    </message>
</context>
<context>
    <name>LossSurface</name>
    <message>
        <location filename="../../gui/surface/dock.py" line="68"/>
        <source>random filter-normalized d₁</source>
        <extracomment>Automatic refreshes start at most this often (s), so Play keeps most of the CPU.</extracomment>
        <translation>随机方向 d₁（滤波器归一化）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="69"/>
        <source>random filter-normalized d₂</source>
        <translation>随机方向 d₂（滤波器归一化）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="71"/>
        <source>w (weight)</source>
        <translation>w（权重）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="71"/>
        <source>b (bias)</source>
        <translation>b（偏置）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="92"/>
        <source>PC{0} ({1}% var.)</source>
        <translation>PC{0}（方差占 {1}%）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="98"/>
        <source>The PCA plane needs a path: train a few steps first (Step or Play), or choose another plane.</source>
        <translation>PCA 平面需要一条路径：请先训练几步（单步或播放），或选择另一个平面。</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="101"/>
        <source>The PCA plane needs a path that moves, but the parameters have not changed yet: train a few steps with a learning rate above 0.</source>
        <translation>PCA 平面需要一条移动的路径，但参数还没有变化：请用大于 0 的学习率训练几步。</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="104"/>
        <source>All weights are 0, so random filter-normalized directions are 0: choose another weight initialization or another plane.</source>
        <translation>所有权重都是 0，因此经滤波器归一化的随机方向也是 0：请选择另一种权重初始化或另一个平面。</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="107"/>
        <source>Both axes show the same parameter: choose two different ones.</source>
        <translation>两个坐标轴显示的是同一个参数：请选择两个不同的参数。</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="109"/>
        <source>The (w, b) plane needs a 1-input linear model trained with mse: choose another plane.</source>
        <translation>(w, b) 平面需要一个用均方误差训练的单输入线性模型：请选择另一个平面。</translation>
    </message>
    <message>
        <source>The loss surface is not available with batch norm yet: turn batch norm off in the Network panel to see it.</source>
        <translation type="vanished">开启批量归一化时暂时无法显示损失曲面：请在“网络”面板中关闭批量归一化后查看。</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="122"/>
        <source>The computation failed: {0}</source>
        <translation>计算失败：{0}</translation>
    </message>
    <message>
        <source>Loss surface</source>
        <extracomment>Expected seconds of a full surface from its coarse pass (decides on the preview). Seconds for the AUTO_MIN_INTERVAL throttle (a monotonic clock; tests may replace it).</extracomment>
        <translation type="vanished">损失曲面</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="219"/>
        <source>No training points: draw or load some to see the loss surface.</source>
        <extracomment>Expected seconds of a full surface from its coarse pass (decides on the preview). Seconds for the AUTO_MIN_INTERVAL throttle (a monotonic clock; tests may replace it).</extracomment>
        <translation>没有训练数据点：请先画出或载入一些数据点，才能看到损失曲面。</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="226"/>
        <source>computing …</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="244"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="269"/>
        <source>racing SGD, momentum and Adam for {0} steps …</source>
        <translation>SGD、动量法和 Adam 正在赛跑 {0} 步…</translation>
    </message>
    <message>
        <source>this controller cannot set parameters</source>
        <translation type="vanished">此控制器无法设置参数</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="352"/>
        <source>preview {0} at step {1} · {2} ms ({3})</source>
        <translation>预览 {0}，第 {1} 步 · {2} ms（{3}）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="353"/>
        <source>surface {0} at step {1} · {2} ms ({3})</source>
        <translation>曲面 {0}，第 {1} 步 · {2} ms（{3}）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="374"/>
        <source>{0} diverged</source>
        <translation>{0} 发散</translation>
    </message>
    <message>
        <location filename="../../gui/surface/dock.py" line="377"/>
        <source>race, {0} steps at η = {1}: loss {2}</source>
        <translation>赛跑，{0} 步，η = {1}：损失 {2}</translation>
    </message>
    <message>
        <location filename="../../gui/surface/slices_view.py" line="50"/>
        <location filename="../../gui/surface/surface_view.py" line="187"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../gui/surface/slices_view.py" line="52"/>
        <source>t on the line θ(t) = (1 − t) θ_start + t θ_now</source>
        <translation>直线 θ(t) = (1 − t) θ_start + t θ_now 上的 t</translation>
    </message>
    <message>
        <location filename="../../gui/surface/slices_view.py" line="68"/>
        <source>{0} (through the current θ)</source>
        <translation>{0}（经过当前 θ）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/slices_view.py" line="76"/>
        <source>interpolation: needs at least one step</source>
        <translation>插值：至少需要训练一步</translation>
    </message>
    <message>
        <location filename="../../gui/surface/slices_view.py" line="82"/>
        <source>from initialization (t = 0) to now (t = 1)</source>
        <translation>从初始化（t = 0）到现在（t = 1）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/slices_view.py" line="84"/>
        <source>from step {0} (t = 0) to now (t = 1)</source>
        <translation>从第 {0} 步（t = 0）到现在（t = 1）</translation>
    </message>
    <message>
        <source>momentum</source>
        <extracomment>Race colours (Okabe–Ito), drawn with a dark shadow so they read on every viridis shade.</extracomment>
        <translation type="vanished">动量法</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="186"/>
        <source>log₁₀ loss</source>
        <extracomment>Race colours (Okabe–Ito), drawn with a dark shadow so they read on every viridis shade. Legend text colour: light, on the legend&apos;s always-dark box. the corner the legend sits in (gui.common.legend_corner): it moves away from the current θ, the markers and the path when they come under it</extracomment>
        <translation>log₁₀ 损失</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="318"/>
        <source>({0}, {1})  loss {2}</source>
        <translation>({0}, {1})  损失 {2}</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="326"/>
        <source>Drag to move the start point (w, b)</source>
        <translation>拖动以移动起点 (w, b)</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="352"/>
        <source>path so far</source>
        <translation>目前的路径</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="354"/>
        <source>current θ</source>
        <translation>当前 θ</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="355"/>
        <source>grid minimum</source>
        <translation>网格最小值</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="356"/>
        <source>lstsq optimum</source>
        <translation>最小二乘最优解</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="578"/>
        <source>2-D</source>
        <extracomment>Least height of the plot tabs, in lines of the view&apos;s font, for the controls to stay above them: in a shorter view (a lesson&apos;s column at presenter 2x) they move into a pop-up. the pop-up holding the controls while the view is too short for them (compact)</extracomment>
        <translation>二维</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="579"/>
        <source>1-D slices</source>
        <translation>一维切片</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="580"/>
        <source>3-D</source>
        <translation>三维</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="581"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="582"/>
        <source>The plane, grid, colouring, recompute and optimizer race (above the plot when the view is tall enough)</source>
        <translation>平面、网格、着色、重新计算与优化器赛跑（视图足够高时显示在图的上方）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_view.py" line="589"/>
        <source>{0} — showing the 2-D view.</source>
        <translation>{0}——改为显示二维视图。</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_3d.py" line="42"/>
        <source>3-D view unavailable: no OpenGL on the &apos;{0}&apos; platform</source>
        <extracomment>The command that installs PyOpenGL with the project (pyproject.toml, optional extra &quot;3d&quot;).</extracomment>
        <translation>三维视图不可用：“{0}”平台上没有 OpenGL</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_3d.py" line="46"/>
        <source>3-D view unavailable: it needs the PyOpenGL package. Install it with {0}</source>
        <translation>三维视图不可用：需要 PyOpenGL 软件包。请用以下命令安装：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_3d.py" line="52"/>
        <source>3-D view unavailable: pyqtgraph.opengl cannot be loaded ({0})</source>
        <translation>三维视图不可用：无法加载 pyqtgraph.opengl（{0}）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_3d.py" line="58"/>
        <source>3-D view unavailable: no OpenGL context could be created</source>
        <translation>三维视图不可用：无法创建 OpenGL 上下文</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_3d.py" line="64"/>
        <source>3-D view unavailable: the OpenGL context cannot be made current</source>
        <translation>三维视图不可用：无法激活 OpenGL 上下文</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_3d.py" line="82"/>
        <source>3-D view unavailable: {0}</source>
        <translation>三维视图不可用：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/surface/surface_3d.py" line="114"/>
        <source>The 3-D view is created when this tab is opened.</source>
        <translation>打开此标签页时才会创建三维视图。</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="32"/>
        <source>Two parameters</source>
        <translation>两个参数</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="33"/>
        <source>Random (filter-normalized)</source>
        <translation>随机方向（滤波器归一化）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="34"/>
        <source>PCA of the path</source>
        <translation>路径的 PCA</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="35"/>
        <source>(w, b) of a linear model</source>
        <translation>线性模型的 (w, b)</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="141"/>
        <source>Which plane of parameter space to show: two chosen weights/biases (exact path), two random filter-normalized directions (Li et al. 2018), the first two principal components of the path, or (w, b) of a 1-input linear model</source>
        <translation>显示参数空间中的哪个平面：两个选定的权重/偏置（路径精确），两个经滤波器归一化的随机方向（Li 等，2018），路径的前两个主成分，或单输入线性模型的 (w, b)</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="146"/>
        <source>Parameter on the horizontal axis</source>
        <translation>横轴上的参数</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="147"/>
        <source>Parameter on the vertical axis</source>
        <translation>纵轴上的参数</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="148"/>
        <source>follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="149"/>
        <source>A weight clicked in the network diagram becomes the horizontal axis; the previous one moves to the vertical</source>
        <translation>在网络结构图中单击的权重成为横轴；原来的横轴参数移到纵轴</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="152"/>
        <source>Grid points per axis, 21–101 (a 21×21 preview is drawn first)</source>
        <translation>每个坐标轴上的网格点数，21–101（先画一个 21×21 的预览）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="154"/>
        <source>Half-width of the grid around the current point, in the axes&apos; units (parameter values, or α and β)</source>
        <translation>网格围绕当前点的半宽，单位同坐标轴（参数值，或 α 和 β）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="157"/>
        <source>fit path</source>
        <translation>适应路径</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="158"/>
        <source>Widen the grid so the whole path (and the optimum) is on it</source>
        <translation>扩大网格，使整条路径（以及最优点）都在网格内</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="163"/>
        <source>total loss</source>
        <translation>总损失</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="165"/>
        <source>data loss</source>
        <translation>数据损失</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="166"/>
        <source>Colour by the data loss, or by the total loss J = data loss + L1/L2 penalty (the one the optimizer minimizes)</source>
        <translation>按数据损失着色，或按总损失 J = 数据损失 + L1/L2 惩罚项（优化器最小化的就是它）着色</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="169"/>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="170"/>
        <source>Colour by log₁₀ of the loss: shows the floor of a deep valley</source>
        <translation>按损失的 log₁₀ 着色：能看清深谷的谷底</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="172"/>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="173"/>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="175"/>
        <source>auto: off</source>
        <translation>自动：关</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="176"/>
        <source>auto: </source>
        <translation>自动：每 </translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="178"/>
        <source>Recompute automatically after this many training steps while the dock is visible (0 = only on demand)</source>
        <translation>面板可见时，每训练这么多步自动重新计算（0 = 仅在需要时手动计算）</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="183"/>
        <source>Race</source>
        <translation>赛跑</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="184"/>
        <source>Optimizer race: from the current parameters, run SGD, momentum and Adam for this many full-batch steps on copies of the network (the real training is not touched) and draw their paths</source>
        <translation>优化器赛跑：从当前参数出发，在网络的副本上用 SGD、动量法和 Adam 各运行这么多步全批量训练（不影响真正的训练），并画出它们的路径</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="188"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="189"/>
        <source>Remove the race paths</source>
        <translation>删除赛跑路径</translation>
    </message>
    <message>
        <location filename="../../gui/surface/controls.py" line="190"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>binary cross-entropy</source>
        <extracomment>Seconds between status-bar updates during Play (numbers changing faster are unreadable). Seconds between loss-curve updates during Play (~20 Hz; the canvas redraws every frame). Pausing always draws the complete curve.</extracomment>
        <translation type="vanished">二元交叉熵</translation>
    </message>
    <message>
        <source>cross-entropy</source>
        <translation type="vanished">交叉熵</translation>
    </message>
    <message>
        <source>mean squared error</source>
        <translation type="vanished">均方误差</translation>
    </message>
    <message>
        <source>{0}: {1} rows, {2} dropped</source>
        <extracomment>Seconds between status-bar updates during Play (numbers changing faster are unreadable). Seconds between loss-curve updates during Play (~20 Hz; the canvas redraws every frame). Pausing always draws the complete curve. What the canvas redraws on request (the rings are always redrawn): &quot;range&quot; fits the view to the points (a new point set), &quot;points&quot;, &quot;prediction&quot; (decision boundary / curve).</extracomment>
        <translation type="vanished">{0}：{1} 行，丢弃 {2} 行</translation>
    </message>
    <message>
        <source>{0}: random sample of {1} of {2} rows, {3} dropped</source>
        <translation type="vanished">{0}：从 {2} 行中随机抽取 {1} 行，丢弃 {3} 行</translation>
    </message>
    <message>
        <source>; classes {0}</source>
        <translation type="vanished">；类别 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/main_window.py" line="439"/>
        <source>Import CSV</source>
        <extracomment>Seconds between status-bar updates during Play (numbers changing faster are unreadable). Seconds between loss-curve updates during Play (~20 Hz; the canvas redraws every frame). Pausing always draws the complete curve. What the canvas redraws on request (the rings are always redrawn): &quot;range&quot; fits the view to the points (a new point set), &quot;points&quot;, &quot;prediction&quot; (decision boundary / curve).</extracomment>
        <translation>导入 CSV</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/main_window.py" line="440"/>
        <source>Cannot use {0}:
{1}</source>
        <translation>无法使用 {0}：
{1}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/main_window.py" line="444"/>
        <source>Imported {0}</source>
        <translation>已导入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/main_window.py" line="607"/>
        <source>Early stopping: the validation loss has not improved for {0} steps (best validation: step {1}). Restore best brings its weights back; Play trains on.</source>
        <translation>早停：验证损失已连续 {0} 步没有改善（最佳验证：第 {1} 步）。“恢复最佳”可取回那一步的权重；再按播放会继续训练。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/main_window.py" line="614"/>
        <source>Restored the weights of step {0}: rewound to it</source>
        <translation>已恢复第 {0} 步的权重：已后退到该步</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/main_window.py" line="616"/>
        <source>Restored the weights of step {0} from the kept copy (the snapshots no longer reach it)</source>
        <translation>已从保存的副本恢复第 {0} 步的权重（快照已无法回到该步）</translation>
    </message>
    <message>
        <source>Output: {0} · loss: {1}</source>
        <translation type="vanished">输出：{0} · 损失：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/main_window.py" line="588"/>
        <source>batch: all {0} training points</source>
        <translation>批量：全部 {0} 个训练点</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/main_window.py" line="591"/>
        <source>batch of {0}</source>
        <translation>小批量：{0} 个点</translation>
    </message>
</context>
<context>
    <name>MetricsView</name>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="52"/>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="53"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="54"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="59"/>
        <source>Matrix</source>
        <extracomment>Points listed by number in the hover line before &quot;…&quot;. The pages of a two-class split when its parts do not fit together (the page box). Short names: the box shares the row of the split box at presenter size.</extracomment>
        <translation>矩阵</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="60"/>
        <source>Curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="184"/>
        <source>Row-normalized</source>
        <extracomment>Least height of the threshold curves, in lines of the view&apos;s font (title, plot, ticks, axis title) and in px. Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry (gui.app_window.view_registry) reads this.</extracomment>
        <translation>按行归一化</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="185"/>
        <source>Show each row as shares of its true class instead of counts</source>
        <translation>每行显示为该真实类别中的比例，而不是计数</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="187"/>
        <source>Which points to evaluate</source>
        <translation>评估哪些数据点</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="192"/>
        <source>Show the confusion matrix and the table, or the threshold, ROC and precision–recall curves (the view has no room for all of them together)</source>
        <translation>显示混淆矩阵和表格，或阈值、ROC 和精确率–召回率曲线（视图放不下全部内容）</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="198"/>
        <source>prec.</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="198"/>
        <source>Precision: of the points predicted as this class, the share that truly belong to it</source>
        <translation>精确率：在预测为该类的点中，真正属于该类的比例</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="204"/>
        <source>F1: the harmonic mean of precision and recall</source>
        <translation>F1：精确率与召回率的调和平均</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="206"/>
        <source>n</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="206"/>
        <source>Support: the number of points of this class in the split</source>
        <translation>样本数（support）：该划分中属于此类的点数</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="370"/>
        <source>macro</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="372"/>
        <source>weighted</source>
        <translation>加权平均</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="177"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="201"/>
        <location filename="../../gui/evaluate/threshold_curves.py" line="176"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="201"/>
        <source>Recall: of the points of this class, the share predicted as it</source>
        <translation>召回率：在属于该类的点中，被预测为该类的比例</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="204"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>support</source>
        <translation type="vanished">样本数</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="214"/>
        <source>true value</source>
        <translation>真实值</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="215"/>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="314"/>
        <source>This split has no points.</source>
        <translation>这个划分中没有数据点。</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="334"/>
        <source>MSE {0}    MAE {1}    R² {2}</source>
        <translation>MSE {0}    MAE {1}    R² {2}</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="355"/>
        <source>Never predicted: {0}. Precision is 0 there by definition (no predicted positives).</source>
        <translation>从未被预测的类别：{0}。按定义其精确率为 0（没有预测为正的样本）。</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="360"/>
        <source>ROC and AP need both classes in the split and finite outputs.</source>
        <translation>ROC 和 AP 需要划分中两个类别都存在，且输出为有限值。</translation>
    </message>
    <message>
        <source>macro avg</source>
        <translation type="vanished">宏平均</translation>
    </message>
    <message>
        <source>weighted avg</source>
        <translation type="vanished">加权平均</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="374"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="389"/>
        <source>Macro average: the plain mean over the classes</source>
        <translation>宏平均：各类指标的简单平均</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="391"/>
        <source>Weighted average: the mean over the classes weighted by their support</source>
        <translation>加权平均：按各类样本数加权的平均</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/metrics_view.py" line="424"/>
        <source>True {0}, predicted {1}: n = {2} {3}</source>
        <translation>真实 {0}，预测 {1}：n = {2} {3}</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="172"/>
        <source>p(class 1)</source>
        <extracomment>Pixels of the plot&apos;s width a title leaves free (the plot&apos;s margins).</extracomment>
        <translation>p（类别 1）</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="173"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="174"/>
        <source>false positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="175"/>
        <source>true positive rate</source>
        <translation>真正例率</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="184"/>
        <source>ROC, AUC = {0}</source>
        <translation>ROC，AUC = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="185"/>
        <source>AUC = {0}</source>
        <translation>AUC = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="186"/>
        <source>Precision–recall, AP = {0}</source>
        <translation>精确率–召回率，AP = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="187"/>
        <source>AP = {0}</source>
        <translation>AP = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="189"/>
        <source>Threshold {0} (drag)</source>
        <translation>阈值 {0}（可拖动）</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="190"/>
        <source>Threshold {0}</source>
        <translation>阈值 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/evaluate/threshold_curves.py" line="191"/>
        <source>t = {0}</source>
        <translation>t = {0}</translation>
    </message>
</context>
<context>
    <name>NetworkDiagram</name>
    <message>
        <location filename="../../gui/canvas/overlays.py" line="210"/>
        <source> (input feature)</source>
        <extracomment>Anchors (``pg.TextItem.setAnchor``) of the arrow&apos;s label at the tip: to the right, left, centred; above, below. Points sampled along the shaft for the canvas legend to keep clear of.</extracomment>
        <translation>（输入特征）</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="273"/>
        <source>input feature</source>
        <extracomment>Pixels kept free between two layer titles</extracomment>
        <translation>输入特征</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="275"/>
        <source>layer {0}, unit {1} (output)</source>
        <translation>第 {0} 层，单元 {1}（输出）</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="277"/>
        <source>layer {0}, unit {1}</source>
        <translation>第 {0} 层，单元 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="280"/>
        <source>forward pass of step {0}</source>
        <translation>第 {0} 步的前向传播</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="282"/>
        <source>a = {0} for sample #{1}</source>
        <translation>样本 #{1} 的 a = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="289"/>
        <source>bias {0} = {1} (after step {2})</source>
        <translation>偏置 {0} = {1}（第 {2} 步之后）</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="331"/>
        <source>batch norm of layer {0}, unit {1}</source>
        <translation>第 {0} 层第 {1} 个单元的批量归一化</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="335"/>
        <source>μ, σ²: no mini-batch in this step yet</source>
        <translation>μ、σ²：这一步还没有小批量</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="337"/>
        <source>mini-batch of step {0}: μ = {1}, σ² = {2}</source>
        <translation>第 {0} 步的小批量：μ = {1}，σ² = {2}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="340"/>
        <source>γ = {0}, β = {1} (after step {2})</source>
        <translation>γ = {0}，β = {1}（第 {2} 步之后）</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="343"/>
        <source>running_mean = {0}, running_var = {1} (initial values; used to evaluate)</source>
        <translation>running_mean = {0}，running_var = {1}（初始值；评估时使用）</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="346"/>
        <source>running_mean = {0}, running_var = {1} (after the batch of step {2}; used to evaluate)</source>
        <translation>running_mean = {0}，running_var = {1}（含第 {2} 步的小批量；评估时使用）</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="350"/>
        <source>Click to select γ (inspector: γ and β old → new; loss surface).</source>
        <translation>点击选中 γ（检查器：γ 和 β 的旧值 → 新值；损失曲面）。</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="357"/>
        <source>Double-click to type a value; scroll to nudge it by ±{0} (Shift: ±{1}). Ctrl+Z undoes.</source>
        <translation>双击可输入数值；滚动滚轮可微调 ±{0}（按住 Shift：±{1}）。Ctrl+Z 撤销。</translation>
    </message>
    <message>
        <source>bias {0} = {1}</source>
        <translation type="vanished">偏置 {0} = {1}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="295"/>
        <source>Click to select this neuron; hovering shows its map on the canvas.</source>
        <translation>单击选中这个神经元；悬停时在画布上显示它的激活图。</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="306"/>
        <source>after step {0}</source>
        <translation>第 {0} 步之后</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="308"/>
        <source>from {0} to {1}</source>
        <translation>从 {0} 到 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="315"/>
        <source>before the last update: {0}</source>
        <translation>上次更新之前：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/view.py" line="317"/>
        <source>Click to select this parameter (inspector, loss surface).</source>
        <translation>单击选中这个参数（用于检查器、损失曲面）。</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="140"/>
        <source> ms/layer</source>
        <extracomment>Pixels between a layer title and the top of the diagram, and beside the diagram Smallest distance between columns (scene units; a neuron is NODE_SIZE = 32 wide) Scene units kept free right of the last column and above the top row (warning badges) Controller signals it redraws on (the registry reads this): what the diagram draws is the weights (edges, thumbnails, warnings), the data (the thumbnails&apos; standardized input plane), the phases and the selection — not settings such as η (networkChanged is always followed by weightsChanged). OWN_HANDLERS: the ones it handles itself (a phase animation, the edges&apos; antialiasing); the others go through gui.common.refresh.connect_redraws. one list per hidden layer when the network has batch norm, else empty False while the numbers under the neurons are dropped because they would overlap</extracomment>
        <translation> 毫秒/层</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="141"/>
        <source>instant</source>
        <translation>即时</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="142"/>
        <source>Animation time per layer for Forward, Backward and Update (0 = instant; Play is always instant)</source>
        <translation>前向传播、反向传播和更新动画中每一层所用的时间（0 = 即时；播放时总是即时）</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="169"/>
        <source>input {0}</source>
        <translation>输入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="171"/>
        <source>input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="175"/>
        <source>layer {0} · {1}</source>
        <translation>第 {0} 层 · {1}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="623"/>
        <source>Edges: ∂J/∂W (±{0}), dots: ∂J/∂b (±{1})</source>
        <translation>连线：∂J/∂W（±{0}），圆点：∂J/∂b（±{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="626"/>
        <source> · under neurons: δ</source>
        <translation> · 神经元下方：δ</translation>
    </message>
    <message>
        <source>Edges: ∂J/∂W (±{0}), dots: ∂J/∂b (±{1}) · under neurons: δ</source>
        <translation type="vanished">连线：∂J/∂W（±{0}），圆点：∂J/∂b（±{1}）· 神经元下方：δ</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="628"/>
        <source>Edges: W (±{0}), dots: b (±{1})</source>
        <translation>连线：W（±{0}），圆点：b（±{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="631"/>
        <source> · under neurons: a for sample #{0}</source>
        <translation> · 神经元下方：样本 #{0} 的 a</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="636"/>
        <source> · no room for the numbers: hover a neuron</source>
        <translation> · 数值放不下：悬停在神经元上查看</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/network_diagram.py" line="637"/>
        <source> · orange &gt; 0, blue &lt; 0, width ∝ |value|</source>
        <translation> · 橙色 &gt; 0，蓝色 &lt; 0，线宽 ∝ |值|</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/value_editor.py" line="39"/>
        <source>{0}: type a value, Enter applies, Esc cancels</source>
        <extracomment>the last message sent to the status bar (withdrawn once a value is applied)</extracomment>
        <translation>{0}：输入数值，Enter 应用，Esc 取消</translation>
    </message>
</context>
<context>
    <name>NetworkPanel</name>
    <message>
        <location filename="../../gui/panels/network_panel.py" line="34"/>
        <source>Output: {0} · loss: {1}</source>
        <translation>输出：{0} · 损失：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/panels/network_panel.py" line="94"/>
        <source>Layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <location filename="../../gui/panels/network_panel.py" line="96"/>
        <source>Activation of layer {0}</source>
        <translation>第 {0} 层的激活函数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/network_panel.py" line="104"/>
        <source>{0} neuron</source>
        <translation>{0} 个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/panels/network_panel.py" line="106"/>
        <source>{0} neurons</source>
        <translation>{0} 个神经元</translation>
    </message>
</context>
<context>
    <name>PredictReveal</name>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="126"/>
        <location filename="../../gui/classroom/predict_reveal.py" line="217"/>
        <source>Predict, then reveal</source>
        <translation>先预测，再揭晓</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="127"/>
        <source>Before the backward pass: which way will %1 move in this step?</source>
        <translation>反向传播之前：这一步中 %1 会朝哪个方向变化？</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="129"/>
        <source>Now %1 = %2. Think about the sign of ∂J/∂θ, then choose.</source>
        <translation>当前 %1 = %2。想一想 ∂J/∂θ 的符号，然后选择。</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="132"/>
        <source>↑ Up</source>
        <translation>↑ 变大</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="133"/>
        <source>↓ Down</source>
        <translation>↓ 变小</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="149"/>
        <source>up</source>
        <translation>变大</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="149"/>
        <source>down</source>
        <translation>变小</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="150"/>
        <source>stays where it is</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="151"/>
        <source>∂J/∂%1 = %2 (%3).</source>
        <translation>∂J/∂%1 = %2（%3）。</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="153"/>
        <source>positive</source>
        <translation>正</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="154"/>
        <source>negative</source>
        <translation>负</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="155"/>
        <source>zero</source>
        <translation>零</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="157"/>
        <source>SGD moves θ against the gradient: Δθ = −η·∂J/∂θ = −%1 × %2 = %3.</source>
        <translation>SGD 沿梯度的反方向移动 θ：Δθ = −η·∂J/∂θ = −%1 × %2 = %3。</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="162"/>
        <source>%1 also uses its running averages: the update will be Δθ = %2.</source>
        <translation>%1 还会用到它的滑动平均：这次更新为 Δθ = %2。</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="166"/>
        <source>So %1 goes &lt;b&gt;%2&lt;/b&gt;: %3 → %4.</source>
        <translation>所以 %1 &lt;b&gt;%2&lt;/b&gt;：%3 → %4。</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="171"/>
        <source>Your prediction (%1) was right.</source>
        <translation>你的预测（%1）是对的。</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="173"/>
        <source>Your prediction (%1) was not right this time.</source>
        <translation>你的预测（%1）这次不对。</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="181"/>
        <source>The answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/predict_reveal.py" line="218"/>
        <source>Before each Backward phase, ask which way the selected weight will move, then reveal the answer</source>
        <translation>每次反向传播之前，先问所选权重会朝哪个方向变化，再揭晓答案</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../../gui/classroom/presenter.py" line="271"/>
        <source>Presenter mode</source>
        <extracomment>Docks students keep seeing by default when the window names none (object-name fragments). Tool bars hidden by default (the step buttons, the workspace tabs and a lesson&apos;s bar stay; the timeline&apos;s row went to the views: at 1280×720 2× a lesson&apos;s views need its 32 px). Object name of the step tool bar&apos;s second row (presenter mode, narrow windows). Width (px) the status-bar read-outs may take together in presenter mode: their font and fixed widths grow by the presenter scale, or less when that would not fit a 1280 px window. Share of the window&apos;s height the network diagram gets on entering presenter mode. Side (px) of pyqtgraph&apos;s legend sample box (``pg.ItemSample``: a fixed 20×20 drawing). Share of a scaled stand-in sample&apos;s drawing above and below its row (empty there). the window&apos;s size when presenter mode was last entered (its bigger fonts and layouts may grow the window; gui.app_window.lesson_layout gives it back)</extracomment>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/presenter.py" line="272"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/presenter.py" line="274"/>
        <source>Presenter scale %1×</source>
        <translation>演示缩放 %1×</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/presenter.py" line="276"/>
        <source>Panels hidden in presenter mode</source>
        <translation>演示模式中隐藏的面板</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../gui/common/qt_texts.py" line="14"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../gui/common/qt_texts.py" line="15"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>SceneFiles</name>
    <message>
        <location filename="../../gui/files/scene_files.py" line="64"/>
        <source>Backprop Playground scene (*.json);;All files (*)</source>
        <extracomment>Environment variable: any value but &quot;0&quot; turns off the &quot;save changes?&quot; question on quit; &quot;0&quot; asks even on the offscreen/minimal platforms (tests).</extracomment>
        <translation>Backprop Playground 场景 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="151"/>
        <source>&amp;New</source>
        <extracomment>the ``classroom`` section of the scene just swapped in, as read (None: none) the scene is one the app makes again and only trained since (see :meth:`only_trained`) () → the ``classroom`` section to save (plain JSON) or None</extracomment>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="152"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="153"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="154"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="155"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="239"/>
        <location filename="../../gui/files/scene_files.py" line="296"/>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="302"/>
        <source>Save the changes to {0}?</source>
        <translation>要保存对 {0} 的更改吗？</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="325"/>
        <location filename="../../gui/files/scene_files.py" line="329"/>
        <source>Open scene</source>
        <translation>打开场景</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="336"/>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="350"/>
        <source>{0} is not a usable scene file:
{1}</source>
        <translation>{0} 不是可用的场景文件：
{1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="353"/>
        <source>To load the points of a CSV file, use File ▸ Import CSV….</source>
        <translation>要载入 CSV 文件中的数据点，请使用“文件 ▸ 导入 CSV…”。</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="358"/>
        <source>Cannot read {0}:
{1}</source>
        <translation>无法读取 {0}：
{1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="394"/>
        <source>Views this version does not have (kept, not shown): {0}</source>
        <translation>本版本没有的视图（已保留，不显示）：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="427"/>
        <location filename="../../gui/files/scene_files.py" line="439"/>
        <source>Save scene</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="440"/>
        <source>Cannot save {0}:
{1}</source>
        <translation>无法保存 {0}：
{1}</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="445"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="482"/>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="../../gui/files/scene_files.py" line="493"/>
        <source>Restore the last session</source>
        <translation>恢复上次的会话</translation>
    </message>
</context>
<context>
    <name>SettingControls</name>
    <message>
        <location filename="../../gui/compare/compare_dialog.py" line="107"/>
        <location filename="../../gui/panels/setting_controls.py" line="47"/>
        <source>{0}:</source>
        <extracomment>Learning-rate presets offered in the combo box (free entry is allowed too). Context of every text that comes from core metadata (see the module docstring).</extracomment>
        <translation>{0}：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/setting_controls.py" line="349"/>
        <source>{0}. Still using {1}; Esc restores it.</source>
        <extracomment>the form label made by :func:`add_rows` (None for check boxes / other layouts) why the typed text was rejected (&quot;&quot; when it was not) shows ``error`` under the field (hidden when there is none); placed by the layout the form holding ``error_label`` as a row (None: the label is shown/hidden itself)</extracomment>
        <translation>{0}。仍使用 {1}；按 Esc 恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/setting_controls.py" line="357"/>
        <source>{0} must be a whole number between {1} and {2}</source>
        <translation>{0}必须是 {1} 到 {2} 之间的整数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/setting_controls.py" line="359"/>
        <source>{0} must be between {1} and {2}</source>
        <translation>{0}必须在 {1} 到 {2} 之间</translation>
    </message>
    <message>
        <location filename="../../gui/panels/setting_controls.py" line="388"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/panels/setting_controls.py" line="407"/>
        <source>{0} takes at most {1} decimals</source>
        <translation>{0}最多保留 {1} 位小数</translation>
    </message>
    <message>
        <location filename="../../gui/panels/setting_controls.py" line="535"/>
        <source>“{0}” is not a number. {1}</source>
        <translation>“{0}”不是数字。{1}</translation>
    </message>
    <message>
        <source>{0} — kept {1}.</source>
        <translation type="vanished">{0}——保留 {1}。</translation>
    </message>
</context>
<context>
    <name>SettingErrors</name>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="23"/>
        <source>it must be on or off</source>
        <translation>只能是开或关</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="25"/>
        <source>it must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="27"/>
        <source>it must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="31"/>
        <source>it must be between {0} and {1}</source>
        <translation>必须在 {0} 到 {1} 之间</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="34"/>
        <source>it must be at least {0}</source>
        <translation>至少为 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="36"/>
        <source>it must be at most {0}</source>
        <translation>至多为 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="39"/>
        <source>it must be one of: {0}</source>
        <translation>必须是以下之一：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="42"/>
        <source>it must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="44"/>
        <source>it must have {0} to {1} entries</source>
        <translation>必须有 {0} 到 {1} 项</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="47"/>
        <source>an entry must not appear twice</source>
        <translation>同一项不能出现两次</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="49"/>
        <source>the training and validation shares add up to more than 100 %</source>
        <translation>训练集与验证集的比例之和超过 100%</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="52"/>
        <source>it lists {0} activations for {1} hidden layers</source>
        <translation>列出了 {0} 个激活函数，但有 {1} 个隐藏层</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="56"/>
        <source>the data set does not fit the task</source>
        <translation>数据集与任务类型不符</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="57"/>
        <source>it does not fit the other settings</source>
        <translation>与其他设置不相容</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="69"/>
        <source>{0}, entry {1}</source>
        <translation>{0}第 {1} 项</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="70"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="74"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="84"/>
        <source>Run B: {0} cannot be used with the other settings</source>
        <translation>运行 B：{0}不能与其他设置一起使用</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="88"/>
        <source>Run B: {0} cannot differ between the runs: both use the same points and split</source>
        <translation>运行 B：两次运行的{0}不能不同：两者使用相同的数据点和划分</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="94"/>
        <source>Run B: {0}</source>
        <translation>运行 B：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="98"/>
        <source>Run B: {0} is a setting of several sections; write one of {1}</source>
        <translation>运行 B：{0} 属于多个部分的设置；请写成以下之一：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/common/setting_errors.py" line="100"/>
        <source>Run B: unknown setting {0}</source>
        <translation>运行 B：未知设置 {0}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../gui/common/display_names.py" line="27"/>
        <location filename="core_strings.py" line="40"/>
        <source>automatic</source>
        <extracomment>Translation context of the names (shared with the texts of ``core.settings``). Code → English display name (shown translated in context &quot;Settings&quot;). Codes: activations (``core.activations``), losses (``core.losses.LOSSES``; None = automatic), optimizers (``core.optimizers``), initializations (``core.network.INITS``), tasks.</extracomment>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="29"/>
        <source>mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="30"/>
        <source>binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="31"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="33"/>
        <source>Xavier (Glorot uniform)</source>
        <translation>Xavier（Glorot 均匀）</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="34"/>
        <source>He (Kaiming normal)</source>
        <translation>He（Kaiming 正态）</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="35"/>
        <source>normal (σ = 0.1)</source>
        <translation>正态（σ = 0.1）</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="36"/>
        <source>zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="38"/>
        <source>momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <location filename="../../gui/common/display_names.py" line="41"/>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="8"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="9"/>
        <source>Classification (class labels) or regression (real targets).</source>
        <translation>分类（类别标签）或回归（实数目标）。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="10"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="11"/>
        <source>The generator used by Regenerate; must belong to the task.</source>
        <translation>“重新生成”使用的生成器；必须属于当前任务。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="12"/>
        <source>Number of points</source>
        <translation>数据点数量</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="13"/>
        <source>How many points the generator draws.</source>
        <translation>生成器生成的数据点数量。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="14"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="15"/>
        <source>Noise level of the generator, 0 to 0.5 (shown as 0–50%).</source>
        <translation>生成器的噪声水平，0 到 0.5（显示为 0–50%）。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="16"/>
        <source>Training share</source>
        <translation>训练比例</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="17"/>
        <source>Share of the points used for training (filled); the rest are validation and test points.</source>
        <oldsource>Share of the points used for training; the rest test (hollow). 100 %: no test points.</oldsource>
        <translation>用于训练的数据点比例（实心）；其余为验证点和测试点。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="18"/>
        <source>Validation share</source>
        <translation>验证比例</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="19"/>
        <source>Share of the points held out for validation (half-filled): watched for early stopping, never trained on. 0 %: no validation points. The rest are test points (hollow).</source>
        <translation>留作验证的数据点比例（半填充）：用于早停的监测，从不参与训练。0%：没有验证点。其余为测试点（空心）。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="20"/>
        <source>Data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <source>Seed of the generator and of the train/test split.</source>
        <translation type="vanished">生成器和训练/测试划分的种子。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="21"/>
        <source>Seed of the generator and of the train/validation/test split.</source>
        <translation>生成器和训练/验证/测试划分的种子。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="22"/>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="23"/>
        <source>Features fed to the network, computed from the raw inputs x1, x2.</source>
        <translation>输入网络的特征，由原始输入 x1、x2 计算得到。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="24"/>
        <source>Standardize</source>
        <translation>标准化</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="25"/>
        <source>Z-score the features with the training points&apos; mean and standard deviation.</source>
        <translation>用训练点的均值和标准差对特征做 z 分数标准化。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="26"/>
        <source>Hidden layer sizes</source>
        <translation>隐藏层大小</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="27"/>
        <source>Neurons per hidden layer, input side first; no hidden layer = a linear model.</source>
        <translation>每个隐藏层的神经元数，从输入侧开始；没有隐藏层 = 线性模型。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="28"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="29"/>
        <source>Activation of every hidden layer, or one name per hidden layer.</source>
        <translation>所有隐藏层的激活函数，或每个隐藏层各一个。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="30"/>
        <source>Initialization</source>
        <translation>初始化</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="31"/>
        <source>Weight initialization scheme; biases start at 0.</source>
        <translation>权重初始化方案；偏置从 0 开始。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="32"/>
        <source>Network seed</source>
        <translation>网络种子</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="33"/>
        <source>Seed of the initial weights and the dropout masks.</source>
        <translation>初始权重和 dropout 掩码的种子。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="34"/>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="35"/>
        <source>Probability of dropping a hidden unit while training (inverted dropout); 0 = off.</source>
        <translation>训练时丢弃隐藏单元的概率（倒置 dropout）；0 = 关闭。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="36"/>
        <source>Batch norm</source>
        <translation>批量归一化</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="37"/>
        <source>Batch normalization between each hidden layer&apos;s linear map and its activation (needs mini-batches of at least 2).</source>
        <translation>在每个隐藏层的线性映射与激活函数之间做批量归一化（小批量至少需要 2 个样本）。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="38"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="39"/>
        <source>None: the loss follows the task; &apos;mse&apos;: mean squared error on 0/1 or one-hot targets with the sigmoid/softmax output.</source>
        <translation>自动：损失函数随任务而定；均方误差：对 0/1 或独热编码目标、配合 sigmoid/softmax 输出使用均方误差。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="41"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="42"/>
        <source>Step size η of the optimizer.</source>
        <translation>优化器的步长 η。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="43"/>
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="44"/>
        <source>Update rule (PyTorch conventions).</source>
        <translation>更新规则（PyTorch 约定）。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="45"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="46"/>
        <source>μ of momentum and Nesterov: v ← μ v + g.</source>
        <translation>动量法和 Nesterov 的 μ：v ← μ v + g。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="47"/>
        <source>Adam β₁</source>
        <translation>Adam β₁</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="48"/>
        <source>Decay rate of Adam&apos;s first-moment average m.</source>
        <translation>Adam 一阶矩平均 m 的衰减率。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="49"/>
        <source>Adam β₂</source>
        <translation>Adam β₂</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="50"/>
        <source>Decay rate of Adam&apos;s second-moment average v.</source>
        <translation>Adam 二阶矩平均 v 的衰减率。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="51"/>
        <source>RMSprop α</source>
        <translation>RMSprop α</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="52"/>
        <source>Decay rate of RMSprop&apos;s average of g².</source>
        <translation>RMSprop 的 g² 平均的衰减率。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="53"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="54"/>
        <source>Added to the denominator of RMSprop and Adam.</source>
        <translation>加在 RMSprop 和 Adam 的分母上。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="55"/>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="56"/>
        <source>Samples per mini-batch; 0 or ≥ the training set = full batch.</source>
        <translation>每个小批量的样本数；0 或 ≥ 训练集大小 = 全批量。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="57"/>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="58"/>
        <source>L1 rate</source>
        <translation>L1 系数</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="59"/>
        <source>L1 penalty l1·Σ|W| on the weights (not the biases).</source>
        <translation>对权重（不含偏置）施加的 L1 惩罚 l1·Σ|W|。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="60"/>
        <source>L2 rate</source>
        <translation>L2 系数</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="61"/>
        <source>L2 penalty (l2/2)·Σ‖W‖² on the weights: weight decay.</source>
        <translation>对权重施加的 L2 惩罚 (l2/2)·Σ‖W‖²，即权重衰减。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="62"/>
        <source>Gradient clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="63"/>
        <source>Largest global gradient norm before the update; 0 = off.</source>
        <translation>更新前全局梯度范数的上限；0 = 关闭。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="64"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="65"/>
        <source>Batch seed</source>
        <translation>小批量种子</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="66"/>
        <source>Seed of the mini-batch shuffling.</source>
        <translation>小批量打乱顺序的种子。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="67"/>
        <source>Patience</source>
        <translation>耐心值</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="68"/>
        <source>Early stopping: Play stops when the validation loss has not improved for this many steps; 0 = off. Needs validation points.</source>
        <translation>早停：验证损失在这么多步内没有改善时，播放停止；0 = 关闭。需要验证点。</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="69"/>
        <source>classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="70"/>
        <source>regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="71"/>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="72"/>
        <source>Exclusive or</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="73"/>
        <source>Two Gaussians</source>
        <translation>两个高斯分布</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="74"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="75"/>
        <source>Moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="76"/>
        <source>Linearly separable</source>
        <translation>线性可分</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="77"/>
        <source>Imbalanced (1 in 10)</source>
        <translation>不平衡（十分之一为正类）</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="78"/>
        <source>Three blobs</source>
        <translation>三个团簇</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="79"/>
        <source>Three-arm spiral</source>
        <translation>三臂螺旋</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="80"/>
        <source>Sine (1-D)</source>
        <translation>正弦（一维）</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="81"/>
        <source>Line (1-D)</source>
        <translation>直线（一维）</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="82"/>
        <source>Plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <location filename="core_strings.py" line="83"/>
        <source>Gaussian bumps</source>
        <translation>高斯峰</translation>
    </message>
    <message>
        <location filename="../../gui/panels/settings_strip.py" line="26"/>
        <source>Hidden layers</source>
        <extracomment>The strip&apos;s training settings, in order (names of ``TrainingSettings`` fields). The label of the number of hidden layers (context &quot;Settings&quot;, as the panels&apos; labels).</extracomment>
        <translation>隐藏层</translation>
    </message>
</context>
<context>
    <name>SettingsStrip</name>
    <message>
        <location filename="../../gui/panels/settings_strip.py" line="73"/>
        <source>η:</source>
        <translation>η：</translation>
    </message>
    <message>
        <location filename="../../gui/panels/settings_strip.py" line="75"/>
        <source>Number of hidden layers (0–{0}); the Network panel sets their sizes</source>
        <translation>隐藏层数（0–{0}）；各层大小在“网络”面板中设置</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="42"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="43"/>
        <source>Drawing</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="44"/>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="45"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="50"/>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="52"/>
        <source>Play as fast as possible / at the calm speed</source>
        <translation>以最快速度播放 / 恢复平稳速度</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="55"/>
        <source>Next phase: forward → backward → update</source>
        <translation>下一阶段：前向 → 反向 → 更新</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="58"/>
        <source>Full step (all three phases)</source>
        <translation>完整一步（全部三个阶段）</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="60"/>
        <source>One epoch</source>
        <translation>一轮（epoch）</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="62"/>
        <source>Rewind one step</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="65"/>
        <source>Reset the weights (re-initialize from the seed)</source>
        <translation>重置权重（按种子重新初始化）</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="67"/>
        <source>Forward phase</source>
        <translation>前向阶段</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="69"/>
        <source>Backward phase</source>
        <translation>反向阶段</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="71"/>
        <source>Update phase</source>
        <translation>更新阶段</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="74"/>
        <source>Class of new points (1–8)</source>
        <translation>新数据点的类别（1–8）</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="76"/>
        <source>Pen: click adds a point</source>
        <translation>画笔：单击添加一个点</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="78"/>
        <source>Brush: drag sprays points</source>
        <translation>喷刷：拖动喷洒数据点</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="80"/>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="82"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="84"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="87"/>
        <source>Clear all points</source>
        <translation>清除所有点</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="89"/>
        <source>Workspace 1, 2, 3 … (the tabs, in order)</source>
        <translation>工作区 1、2、3…（按标签顺序）</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="91"/>
        <source>Presenter mode on / off</source>
        <translation>打开 / 关闭演示模式</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="93"/>
        <source>Full screen on / off</source>
        <translation>打开 / 关闭全屏</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="96"/>
        <source>Discretize the decision boundary</source>
        <translation>离散显示决策边界</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="98"/>
        <source>Log-scale loss curve</source>
        <translation>对数刻度损失曲线</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="101"/>
        <source>This list of shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="102"/>
        <source>Show / hide the network diagram</source>
        <translation>显示 / 隐藏网络结构图</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="109"/>
        <source>Show / hide the inspector</source>
        <translation>显示 / 隐藏检查器</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="115"/>
        <source>Show / hide the weight and gradient heatmaps</source>
        <translation>显示 / 隐藏权重与梯度热图</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="123"/>
        <source>Show / hide the gradient norms</source>
        <translation>显示 / 隐藏梯度范数</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="136"/>
        <source>Show / hide the metrics</source>
        <translation>显示 / 隐藏评估指标</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="142"/>
        <source>Show / hide the attributions</source>
        <translation>显示 / 隐藏归因</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="148"/>
        <source>Show / hide the hidden space</source>
        <translation>显示 / 隐藏“隐藏空间”视图</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="174"/>
        <source>Show / hide the linear system</source>
        <translation>显示 / 隐藏线性方程组</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="103"/>
        <source>New scene</source>
        <translation>新建场景</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="105"/>
        <source>Open a scene…</source>
        <translation>打开场景…</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="107"/>
        <source>Save the scene</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="110"/>
        <source>Save the scene as…</source>
        <translation>场景另存为…</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="112"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="114"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="118"/>
        <source>Mouse</source>
        <translation>鼠标</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="121"/>
        <source>Left click</source>
        <extracomment>Mouse gestures, listed in the Help dialog after the keys: (gesture, description).</extracomment>
        <translation>左键单击</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="122"/>
        <source>Add a point of the current class</source>
        <translation>添加一个当前类别的点</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="123"/>
        <source>Right click</source>
        <translation>右键单击</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="124"/>
        <source>Add a point of the next class</source>
        <translation>添加一个下一类别的点</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="125"/>
        <source>Ctrl+click</source>
        <translation>Ctrl+单击</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="126"/>
        <source>Remove the nearest point</source>
        <translation>删除最近的点</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="127"/>
        <source>Shift+click a point</source>
        <translation>Shift+单击一个点</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="128"/>
        <source>Select the sample (inspector, input-gradient arrow)</source>
        <translation>选中该样本（检查器、输入梯度箭头）</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="129"/>
        <source>Click an edge, bias or heatmap cell</source>
        <translation>单击一条边、一个偏置或热图格子</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="130"/>
        <source>Select that parameter (inspector, predict-then-reveal)</source>
        <translation>选中该参数（检查器、先预测再揭晓）</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="131"/>
        <source>Hover a neuron</source>
        <translation>鼠标悬停在神经元上</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="132"/>
        <source>Show its activation map on the canvas</source>
        <translation>在画布上显示它的激活图</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="212"/>
        <source>Next phase</source>
        <extracomment>How keys are shown in the Help dialog and tool tips.</extracomment>
        <translation>下一阶段</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="213"/>
        <source>Shortcuts…</source>
        <translation>快捷键…</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="243"/>
        <source>More</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="255"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="259"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../gui/classroom/shortcuts.py" line="260"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="36"/>
        <location filename="../../gui/app_window/status_bar.py" line="113"/>
        <source>∞ (diverged)</source>
        <translation>∞（已发散）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="91"/>
        <location filename="../../gui/app_window/status_bar.py" line="197"/>
        <source>step {0}</source>
        <extracomment>Widest text of each field: labels get a fixed width, so a changing number does not relayout (and repaint) the whole status bar and window every frame during Play. &quot;step k of N (viewing the past)&quot;; hidden at the present</extracomment>
        <translation>步数 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="92"/>
        <location filename="../../gui/app_window/status_bar.py" line="198"/>
        <source>epoch {0}</source>
        <translation>第 {0} 轮</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="93"/>
        <location filename="../../gui/app_window/status_bar.py" line="199"/>
        <source>train loss {0}</source>
        <translation>训练损失 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="94"/>
        <location filename="../../gui/app_window/status_bar.py" line="200"/>
        <source>validation loss {0}</source>
        <translation>验证损失 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="96"/>
        <location filename="../../gui/app_window/status_bar.py" line="202"/>
        <source>test loss {0}</source>
        <translation>测试损失 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="97"/>
        <location filename="../../gui/app_window/status_bar.py" line="194"/>
        <source>test accuracy {0}</source>
        <translation>测试准确率 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="98"/>
        <location filename="../../gui/app_window/status_bar.py" line="195"/>
        <source>train accuracy {0}</source>
        <translation>训练准确率 {0}</translation>
    </message>
    <message>
        <source>accuracy {0} %</source>
        <translation type="vanished">准确率 {0}%</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="100"/>
        <location filename="../../gui/app_window/status_bar.py" line="205"/>
        <source>{0} steps/s</source>
        <translation>{0} 步/秒</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="127"/>
        <source>Step N is the network after N updates (step 0: the initial weights). The numbers next to it are measured at those weights: the last point of the loss curve.</source>
        <translation>第 N 步即经过 N 次更新后的网络（第 0 步：初始权重）。旁边的数值都是在这些权重下测得的，也就是损失曲线的最后一个点。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="130"/>
        <source>Data loss: the mean loss over the whole {0} at the weights of the step shown, without the L1/L2 penalty.</source>
        <translation>数据损失：在所示步数的权重下，整个{0}上的平均损失，不含 L1/L2 惩罚项。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="135"/>
        <source>training set</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="136"/>
        <source>validation set</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="137"/>
        <source>test set</source>
        <translation>测试集</translation>
    </message>
    <message>
        <source>Share of the test points (the training points if there is no test set) whose predicted class is right, at the weights of the step shown. Two classes: class 1 when p &gt; 0.5, so p = 0.5 counts as class 0. More classes: the most probable class; a tie goes to the lower class number.</source>
        <translation type="vanished">在所示步数的权重下，预测类别正确的测试点所占的比例（没有测试集时为训练点）。两个类别：p &gt; 0.5 时为类别 1，因此 p = 0.5 算作类别 0。多个类别：取概率最大的类别；并列时取编号较小的类别。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="114"/>
        <location filename="../../gui/app_window/status_bar.py" line="154"/>
        <source>step {0} of {1} (viewing the past)</source>
        <translation>第 {0} 步（共 {1} 步，正在查看过去）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="138"/>
        <source>Test accuracy: the share of the test points whose predicted class is right, at the weights of the step shown (train accuracy, on the training points, when there is no test set). The loss curve&apos;s accuracy line is the validation accuracy when there are validation points, so it can differ. Two classes: class 1 when p &gt; 0.5, so p = 0.5 counts as class 0. More classes: the most probable class; a tie goes to the lower class number.</source>
        <translation>测试准确率：在所示步的权重下，预测类别正确的测试点所占的比例（没有测试集时为训练准确率，基于训练点）。有验证点时，损失曲线上的准确率曲线是验证准确率，所以两者可能不同。两个类别：p &gt; 0.5 时为类别 1，因此 p = 0.5 算作类别 0。多个类别：取概率最大的类别；并列时取编号较小的类别。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="191"/>
        <source>accuracy —</source>
        <translation>准确率 —</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/status_bar.py" line="113"/>
        <location filename="../../gui/app_window/status_bar.py" line="204"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
</context>
<context>
    <name>StepToolbar</name>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="20"/>
        <source>Play</source>
        <extracomment>Texts the Play button switches between; its width fits the longest (translated) one.</extracomment>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="21"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="28"/>
        <source>next: &lt;b&gt;Forward&lt;/b&gt;</source>
        <extracomment>Speed slider positions in steps/s; 0 means as fast as possible. The phase line (English; shown translated in context &quot;StepToolbar&quot;).</extracomment>
        <translation>下一步：&lt;b&gt;前向&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="29"/>
        <source>forward done · next: &lt;b&gt;Backward&lt;/b&gt;</source>
        <translation>前向传播完成 · 下一步：&lt;b&gt;反向&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="30"/>
        <source>backward done · next: &lt;b&gt;Update&lt;/b&gt;</source>
        <translation>反向传播完成 · 下一步：&lt;b&gt;更新&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="36"/>
        <location filename="../../gui/app_window/step_toolbar.py" line="121"/>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="37"/>
        <source>{0} steps/s</source>
        <translation>{0} 步/秒</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="120"/>
        <source>Play speed: 1 step/s … as fast as possible</source>
        <extracomment>the last speed below max, which the &quot;max&quot; action goes back to</extracomment>
        <translation>播放速度：从每秒 1 步到尽可能快</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="122"/>
        <source>Play as fast as possible / back to the calm speed (M)</source>
        <translation>以最快速度播放 / 恢复平稳速度（M）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="214"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/step_toolbar.py" line="217"/>
        <source>playing…</source>
        <translation>播放中…</translation>
    </message>
</context>
<context>
    <name>StudentMode</name>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="37"/>
        <source>Data</source>
        <extracomment>The settings sections as the lock dialog names them.</extracomment>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="38"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="39"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="121"/>
        <location filename="../../gui/app_window/student_mode.py" line="125"/>
        <location filename="../../gui/app_window/student_mode.py" line="227"/>
        <source>Student mode</source>
        <extracomment>The panel of each settings section (view ids of the registry). view id -&gt; other actions that would show that view (Train ▸ Cross-validate… shows the Cross-validation view): hidden with the view&apos;s own toggle (add_view_action) &quot;Student mode&quot; in the menu bar&apos;s left corner while the mode is on</extracomment>
        <translation>学生模式</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="122"/>
        <source>Hide and fix what the scene&apos;s classroom locks list</source>
        <translation>隐藏并固定场景的课堂锁定所列的内容</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="124"/>
        <source>Classroom locks…</source>
        <translation>课堂锁定…</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="126"/>
        <source>The scene&apos;s classroom locks are applied. View ▸ Student mode leaves it.</source>
        <translation>已应用场景的课堂锁定。选择“视图 ▸ 学生模式”可退出。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="174"/>
        <source>Classroom locks</source>
        <translation>课堂锁定</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="175"/>
        <source>The scene opened without its classroom locks, which are not valid:
{0}</source>
        <translation>场景已打开，但其课堂锁定无效，未被应用：
{0}</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="183"/>
        <source>This scene has classroom locks: View ▸ Student mode applies them</source>
        <translation>此场景带有课堂锁定：视图 ▸ 学生模式可应用它们</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/student_mode.py" line="228"/>
        <source>Leave student mode?</source>
        <translation>退出学生模式？</translation>
    </message>
</context>
<context>
    <name>SurfaceJobs</name>
    <message>
        <source>ValueError: the PCA plane needs a path: train a few steps first</source>
        <extracomment>Automatic refreshes start at most this often (s), so Play keeps most of the CPU. Failures of the surface jobs (gui.surface_jobs and core.directions, which have no Qt) as the worker reports them; translated with context &quot;SurfaceJobs&quot;. Others are shown as they are.</extracomment>
        <translation type="vanished">PCA 平面需要一条路径：请先训练几步</translation>
    </message>
    <message>
        <source>ValueError: the (w, b) plane needs a 1-input linear model trained with mse</source>
        <translation type="vanished">(w, b) 平面需要一个用 mse 训练的单输入线性模型</translation>
    </message>
    <message>
        <source>ValueError: all weights are 0, so filter-normalized random directions are 0</source>
        <translation type="vanished">所有权重都是 0，因此经滤波器归一化的随机方向也是 0</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../../gui/common/themes.py" line="96"/>
        <source>Light</source>
        <extracomment>Themes the user picks in View ▸ Theme (high contrast belongs to presenter mode). Extra style sheet per theme, applied to the main window (buttons, docks, tool bars). The look of the non-pyqtgraph views (diagram, inspector): the current theme&apos;s colours, its name and the presenter font scale. Replaced (never mutated) by :func:`apply_theme`. Lightness factor of the inspector&apos;s text colours in the high-contrast theme (darker). pyqtgraph views (class names) that keep a light background in the dark theme.</extracomment>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../gui/common/themes.py" line="96"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../gui/common/themes.py" line="97"/>
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../../gui/common/themes.py" line="254"/>
        <location filename="../../gui/common/themes.py" line="281"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../gui/app_window/timeline.py" line="30"/>
        <source>Viewing the past</source>
        <extracomment>Seconds between timeline updates during Play (the status bar&apos;s rate); pausing updates at once.</extracomment>
        <translation>正在查看过去</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/timeline.py" line="31"/>
        <source>Continue from step {0}? Steps {1}…{2} will be discarded.</source>
        <translation>从第 {0} 步继续？第 {1}…{2} 步将被丢弃。</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/timeline.py" line="33"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/timeline.py" line="35"/>
        <source>Return to step {0}</source>
        <translation>回到第 {0} 步</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/timeline.py" line="37"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/timeline.py" line="76"/>
        <source> timeline </source>
        <translation> 时间轴 </translation>
    </message>
    <message>
        <location filename="../../gui/app_window/timeline.py" line="77"/>
        <source>Scrub back through the last steps (snapshots); the right end is the newest step</source>
        <translation>拖动以查看最近的各步（快照）；最右端是最新的一步</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/timeline.py" line="92"/>
        <source>step {0} / {1}</source>
        <translation>第 {0} 步 / {1}</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>η·L2 = {0} ≥ 2: weight decay alone makes the weights grow without bound (training will diverge). Lower the learning rate or the L2 rate.</source>
        <extracomment>Which hyperparameter settings each optimizer uses (PyTorch conventions, core.optimizers). why the last typed value was rejected (learning rate, ε); hidden when none</extracomment>
        <translation type="vanished">η·L2 = {0} ≥ 2：仅权重衰减就会使权重无限增长（训练将发散）。请降低学习率或 L2 系数。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/decay_warning.py" line="39"/>
        <source>η·L2 = {0} ≥ {1} for {2}: weight decay alone makes the weights grow without bound (training will diverge). Lower the learning rate below {3} or reduce the L2 rate.</source>
        <extracomment>The formula of each optimizer&apos;s bound on ηλ (symbols only: the same in every language).</extracomment>
        <translation>η·L2 = {0} ≥ {1}（{2} 的上限）：仅权重衰减就会使权重无限增长（训练将发散）。请把学习率降到 {3} 以下，或减小 L2 系数。</translation>
    </message>
    <message>
        <location filename="../../gui/panels/training_panel.py" line="99"/>
        <source>Early stopping is off: there are no validation points (validation share 0 %).</source>
        <extracomment>Every optimizer hyperparameter setting, in the settings&apos; field order (which optimizer uses which: core.optimizers.OPTIMIZER_HYPER). (stability of weight decay, L2 rate) of the settings shown: the warning&apos;s numbers</extracomment>
        <translation>早停已关闭：没有验证点（验证比例为 0%）。</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../../gui/canvas/commands.py" line="32"/>
        <source>Add point</source>
        <translation>添加点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/commands.py" line="33"/>
        <source>Remove point</source>
        <translation>删除点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/drawing.py" line="32"/>
        <source>Add point ({0}, {1})</source>
        <extracomment>Brush spray radius in screen pixels and points per mouse-move event. Eraser (and selection) reach in screen pixels (beyond it, nothing is picked). Data settings that draw a new point set (see core.session); changing them is undoable. Undo texts (&quot;Undo Add point (0.50, 1.20)&quot;), shown translated (see gui.canvas.commands).</extracomment>
        <translation>添加点 ({0}, {1})</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/drawing.py" line="33"/>
        <source>Erase point</source>
        <translation>擦除点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/drawing.py" line="34"/>
        <source>Change data set</source>
        <translation>更改数据集</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/drawing.py" line="35"/>
        <source>Brush stroke</source>
        <translation>喷刷笔画</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/drawing.py" line="36"/>
        <source>Clear points</source>
        <translation>清除所有点</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/drawing.py" line="37"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../gui/canvas/drawing.py" line="38"/>
        <source>Import {0}</source>
        <translation>导入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/weight_edits.py" line="30"/>
        <source>Set {0}</source>
        <translation>设置 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/weight_edits.py" line="31"/>
        <source>Nudge {0}</source>
        <translation>微调 {0}</translation>
    </message>
</context>
<context>
    <name>UnitHealth</name>
    <message>
        <location filename="../../gui/diagram/unit_health.py" line="66"/>
        <source>Dead ReLU: this unit outputs 0 on all {0} training points, so f′(z) = 0, δ = 0 and its weights and bias get no gradient — it cannot recover. Its largest z is {1}. Try a smaller learning rate, He initialization or leaky ReLU.</source>
        <translation>死亡 ReLU：这个单元在全部 {0} 个训练点上的输出都是 0，所以 f′(z) = 0、δ = 0，它的权重和偏置得不到梯度——它无法再恢复。它最大的 z 是 {1}。可以试试更小的学习率、He 初始化或 leaky ReLU。</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/unit_health.py" line="75"/>
        <source>Saturated {0}: |z| &gt; {1} on {2}% of the training points, where {3}: almost no gradient flows through this unit (vanishing gradients). Try standardized inputs, smaller initial weights or a smaller learning rate.</source>
        <translation>{0} 饱和：在 {2}% 的训练点上 |z| &gt; {1}，此时 {3}：几乎没有梯度流过这个单元（梯度消失）。可以试试标准化的输入、更小的初始权重或更小的学习率。</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/unit_health.py" line="101"/>
        <source>Exploding gradient in layer {0}: ‖∂J/∂θ‖ went from {1} to {2} in one step (more than {3}×). The next update may overshoot and diverge: lower the learning rate or turn on gradient clipping.</source>
        <translation>第 {0} 层梯度爆炸：‖∂J/∂θ‖ 在一步之内从 {1} 变为 {2}（超过 {3}×）。下一次更新可能冲过头而发散：请降低学习率或打开梯度裁剪。</translation>
    </message>
</context>
<context>
    <name>WeightEdits</name>
    <message>
        <location filename="../../gui/diagram/weight_edits.py" line="57"/>
        <source>Type a number, e.g. 0.5 or -1.2e-3</source>
        <extracomment>QUndoCommand.id of the nudges: the stack merges a nudge only into a nudge</extracomment>
        <translation>请输入一个数，例如 0.5 或 -1.2e-3</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/weight_edits.py" line="59"/>
        <source>“{0}” is not a number; type e.g. 0.5 or -1.2e-3</source>
        <translation>“{0}”不是数字；请输入例如 0.5 或 -1.2e-3</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/weight_edits.py" line="68"/>
        <source>Pause training to edit a weight</source>
        <translation>请先暂停训练，再编辑权重</translation>
    </message>
    <message>
        <location filename="../../gui/diagram/weight_edits.py" line="70"/>
        <source>Finish the current step before editing a weight</source>
        <translation>请先完成当前这一步，再编辑权重</translation>
    </message>
</context>
<context>
    <name>WeightHeatmaps</name>
    <message>
        <location filename="../../gui/charts/weight_heatmaps.py" line="181"/>
        <source>from unit {0} of layer {1} to unit {2} of layer {3} · click to select</source>
        <extracomment>Columns of space between W^k and the γ^k, β^k columns of a batch-normalized layer Controller signals it redraws on (gui.common.refresh.connect_redraws); the registry (gui.app_window.view_registry) reads this. per hidden layer with batch norm: {&quot;gamma&quot;: ImageItem, &quot;beta&quot;: ImageItem}</extracomment>
        <translation>从第 {1} 层的单元 {0} 到第 {3} 层的单元 {2} · 单击选中</translation>
    </message>
    <message>
        <location filename="../../gui/charts/weight_heatmaps.py" line="188"/>
        <source>batch norm of unit {0} of layer {1} · click to select</source>
        <translation>第 {1} 层第 {0} 个单元的批量归一化 · 点击选中</translation>
    </message>
</context>
<context>
    <name>Workspaces</name>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="186"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="191"/>
        <source>Step through</source>
        <translation>逐步执行</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="195"/>
        <source>Landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="200"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="205"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/workspaces.py" line="254"/>
        <source>Workspaces</source>
        <extracomment>Object name of the tool bar holding the workspace tabs.</extracomment>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/workspaces.py" line="255"/>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/workspaces.py" line="256"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/workspaces.py" line="258"/>
        <source>Give the current workspace its designed layout again</source>
        <translation>恢复当前工作区的设计布局</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <location filename="ui_strings.py" line="8"/>
        <source>  speed </source>
        <translation>  速度 </translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="9"/>
        <source> class </source>
        <translation> 类别 </translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="10"/>
        <source> timeline </source>
        <translation> 时间轴 </translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="11"/>
        <source>&amp;Draw</source>
        <translation>绘制(&amp;D)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="12"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="13"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="14"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="15"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="16"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="17"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="18"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="19"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="20"/>
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="21"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="22"/>
        <source>&lt;b&gt;Hidden layers&lt;/b&gt;</source>
        <translation>&lt;b&gt;隐藏层&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#0072B2&apos;&gt;━ train data loss&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#D55E00&apos;&gt;━ test data loss&lt;/span&gt;</source>
        <oldsource>&lt;span style=&apos;color:#0072B2&apos;&gt;━ train loss&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#D55E00&apos;&gt;━ test loss&lt;/span&gt;</oldsource>
        <translation type="vanished">&lt;span style=&apos;color:#0072B2&apos;&gt;━ 训练数据损失&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#D55E00&apos;&gt;━ 测试数据损失&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="24"/>
        <source>&lt;span style=&apos;color:#0072B2; white-space:nowrap&apos;&gt;━&amp;nbsp;t⁠r⁠a⁠i⁠n&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#D55E00; white-space:nowrap&apos;&gt;━&amp;nbsp;t⁠e⁠s⁠t&lt;/span&gt;</source>
        <oldsource>&lt;span style=&apos;color:#0072B2&apos;&gt;━ train data loss&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#E69F00&apos;&gt;━ validation data loss&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#D55E00&apos;&gt;━ test data loss&lt;/span&gt;</oldsource>
        <translation>&lt;span style=&apos;color:#0072B2; white-space:nowrap&apos;&gt;━&amp;nbsp;训⁠练&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#D55E00; white-space:nowrap&apos;&gt;━&amp;nbsp;测⁠试&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="25"/>
        <source>&lt;span style=&apos;color:#0072B2; white-space:nowrap&apos;&gt;━&amp;nbsp;t⁠r⁠a⁠i⁠n&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#D55E00; white-space:nowrap&apos;&gt;━&amp;nbsp;t⁠e⁠s⁠t&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#009E73; white-space:nowrap&apos;&gt;━&amp;nbsp;a⁠c⁠c⁠u⁠r⁠a⁠c⁠y&lt;/span&gt;</source>
        <oldsource>&lt;span style=&apos;color:#0072B2&apos;&gt;━ train data loss&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#E69F00&apos;&gt;━ validation data loss&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:#D55E00&apos;&gt;━ test data loss&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style=&apos;color:rgba(0,114,178,0.6)&apos;&gt;━ mini-batch data loss&lt;/span&gt;</oldsource>
        <translation>&lt;span style=&apos;color:#0072B2; white-space:nowrap&apos;&gt;━&amp;nbsp;训⁠练&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#D55E00; white-space:nowrap&apos;&gt;━&amp;nbsp;测⁠试&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#009E73; white-space:nowrap&apos;&gt;━&amp;nbsp;准⁠确⁠率&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#009E73&apos;&gt;━ test accuracy&lt;/span&gt;</source>
        <translation type="vanished">&lt;span style=&apos;color:#009E73&apos;&gt;━ 测试准确率&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#009E73&apos;&gt;━ validation accuracy&lt;/span&gt;</source>
        <translation type="vanished">&lt;span style=&apos;color:#009E73&apos;&gt;━ 验证准确率&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="29"/>
        <source>A weight clicked in the network diagram becomes the horizontal axis; the previous one moves to the vertical</source>
        <translation>在网络结构图中单击的权重成为横轴；原来的横轴参数移到纵轴</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="30"/>
        <source>About Backprop Playground</source>
        <translation>关于 Backprop Playground</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="31"/>
        <source>Activation of every hidden layer, or one name per hidden layer.</source>
        <translation>所有隐藏层的激活函数，或每个隐藏层各一个。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="32"/>
        <source>Activation:</source>
        <translation>激活函数：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="33"/>
        <source>Adam β₁:</source>
        <translation>Adam β₁：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="34"/>
        <source>Adam β₂:</source>
        <translation>Adam β₂：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="35"/>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="36"/>
        <source>Add an equation (a line)</source>
        <translation>添加一个方程（一条直线）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="37"/>
        <source>Added to the denominator of RMSprop and Adam.</source>
        <translation>加在 RMSprop 和 Adam 的分母上。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="38"/>
        <source>Animation:</source>
        <translation>动画：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="39"/>
        <source>Apply the optimizer to the weights</source>
        <translation>用优化器更新权重</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="41"/>
        <source>Back to the start of the step before</source>
        <translation>回到上一步的开始</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="42"/>
        <source>Backpropagate: δ and ∂J/∂W, ∂J/∂b</source>
        <translation>反向传播：δ 以及 ∂J/∂W、∂J/∂b</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="43"/>
        <source>Backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <source>Bars per network input: standardized features (z-scores fitted on the training points). Baseline: the training mean.</source>
        <translation type="vanished">每个网络输入一根条形：标准化后的特征（用训练点拟合的 z 分数）。基线：训练点的均值。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="44"/>
        <source>Batch norm</source>
        <translation>批量归一化</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="45"/>
        <source>Batch seed:</source>
        <translation>小批量种子：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="46"/>
        <source>Batch size:</source>
        <translation>批量大小：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="47"/>
        <source>Before each Backward phase, ask which way the selected weight will move, then reveal the answer</source>
        <translation>每次反向传播之前，先问所选权重会朝哪个方向变化，再揭晓答案</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="48"/>
        <source>Both languages (English and 中文)</source>
        <translation>双语显示（English 和中文）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="49"/>
        <source>Brush</source>
        <translation>喷刷</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="50"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="51"/>
        <source>Changes keep the current weights.</source>
        <translation>修改这些设置会保留当前权重。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="52"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="53"/>
        <source>Choose the activation of each hidden layer separately</source>
        <translation>为每个隐藏层分别选择激活函数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="54"/>
        <source>Classification (class labels) or regression (real targets).</source>
        <translation>分类（类别标签）或回归（实数目标）。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="55"/>
        <source>Classroom locks</source>
        <translation>课堂锁定</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="56"/>
        <source>Classroom locks…</source>
        <translation>课堂锁定…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="57"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="58"/>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="59"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="60"/>
        <source>Close the lesson bar</source>
        <translation>关闭课程栏</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="61"/>
        <source>Colour by log₁₀ of the loss: shows the floor of a deep valley</source>
        <translation>按损失的 log₁₀ 着色：能看清深谷的谷底</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="63"/>
        <source>Compare…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="64"/>
        <source>Copy as text</source>
        <translation>复制为文本</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="65"/>
        <source>Copy everything shown, every value in full precision</source>
        <translation>复制所显示的全部内容，所有数值保留完整精度</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="66"/>
        <source>Copy inspector as text</source>
        <translation>将检查器内容复制为文本</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="67"/>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="68"/>
        <source>Copy window to clipboard</source>
        <translation>将窗口复制到剪贴板</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="69"/>
        <source>Cross-validate…</source>
        <translation>交叉验证…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="71"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Show / hide the attributions (Ctrl+Shift+A)</source>
        <translation type="vanished">显示 / 隐藏归因（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="88"/>
        <location filename="ui_strings.py" line="72"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="83"/>
        <location filename="ui_strings.py" line="73"/>
        <source>Data canvas</source>
        <extracomment>Object name of the tool bar holding the compact settings strip (gui.panels.settings_strip). The settings panels (docked, not views of the run): a lesson&apos;s layout keeps a workspace&apos;s panels beside its views (gui.app_window.lesson_layout).</extracomment>
        <translation>数据画布</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="75"/>
        <source>Data seed:</source>
        <translation>数据种子：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="76"/>
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="77"/>
        <source>Decay rate of Adam&apos;s first-moment average m.</source>
        <translation>Adam 一阶矩平均 m 的衰减率。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="78"/>
        <source>Decay rate of Adam&apos;s second-moment average v.</source>
        <translation>Adam 二阶矩平均 v 的衰减率。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="79"/>
        <source>Decay rate of RMSprop&apos;s average of g².</source>
        <translation>RMSprop 的 g² 平均的衰减率。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="80"/>
        <source>Discretize boundary</source>
        <translation>离散显示边界</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="81"/>
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="82"/>
        <source>Draw each point bigger the larger its own loss at the current step</source>
        <translation>每个点自身在当前步的损失越大，画得越大</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="83"/>
        <source>Draw new points from the data set (undoable)</source>
        <translation>从数据集重新生成数据点（可撤销）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="84"/>
        <source>Drawing</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="85"/>
        <source>Drop run B and go on with run A alone</source>
        <translation>放弃运行 B，只继续运行 A</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="86"/>
        <source>Dropout:</source>
        <translation>Dropout：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="87"/>
        <source>Each line is one equation; drag its two squares to move it. ●: the answer; ○: the answer for b + δb.</source>
        <translation>每条直线是一个方程；拖动它的两个方块来移动它。●：解；○：b + δb 的解。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="88"/>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="89"/>
        <source>End compare</source>
        <translation>结束对比</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="90"/>
        <source>Epoch</source>
        <translation>一轮</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="91"/>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="92"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="93"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="94"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="95"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="96"/>
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="97"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="98"/>
        <source>Export SVG</source>
        <translation>导出 SVG</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="99"/>
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="100"/>
        <source>Export...</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="101"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="102"/>
        <source>Final numbers</source>
        <translation>最终数值</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="103"/>
        <source>Folds k:</source>
        <translation>折数 k：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="104"/>
        <source>Folds on the canvas</source>
        <translation>在画布上显示各折</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="105"/>
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="106"/>
        <source>Forward pass on the next mini-batch</source>
        <translation>对下一个小批量做前向传播</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="107"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="108"/>
        <source>Give the current workspace its designed layout again</source>
        <translation>恢复当前工作区的设计布局</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="109"/>
        <source>Go back one more step (←)</source>
        <translation>再后退一步（←）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="110"/>
        <source>Go back one step (snapshots)</source>
        <translation>后退一步（快照）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="111"/>
        <source>Gradient clipping:</source>
        <translation>梯度裁剪：</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="120"/>
        <location filename="ui_strings.py" line="113"/>
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="115"/>
        <source>Half-width of the grid around the current point, in the axes&apos; units (parameter values, or α and β)</source>
        <translation>网格围绕当前点的半宽，单位同坐标轴（参数值，或 α 和 β）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="116"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="120"/>
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="122"/>
        <source>History (CSV)</source>
        <translation>训练历史（CSV）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="123"/>
        <source>History (CSV)…</source>
        <translation>训练历史（CSV）…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="124"/>
        <source>How many points the generator draws.</source>
        <translation>生成器生成的数据点数量。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="125"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="126"/>
        <source>Initialization:</source>
        <translation>初始化：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="127"/>
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="106"/>
        <location filename="ui_strings.py" line="128"/>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="129"/>
        <source>L1 rate:</source>
        <translation>L1 系数：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="130"/>
        <source>L2 rate:</source>
        <translation>L2 系数：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="132"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="133"/>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="134"/>
        <source>Lesson notes</source>
        <translation>课程说明</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="136"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="137"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="140"/>
        <source>Load points from a CSV file (Ctrl+I)</source>
        <translation>从 CSV 文件加载数据点（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="141"/>
        <source>Log-scale loss</source>
        <translation>对数刻度损失</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="142"/>
        <source>Logarithmic loss axis (L)</source>
        <translation>损失轴使用对数刻度（L）</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="96"/>
        <location filename="ui_strings.py" line="143"/>
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="127"/>
        <location filename="ui_strings.py" line="144"/>
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="133"/>
        <location filename="ui_strings.py" line="146"/>
        <source>Metrics</source>
        <translation>评估指标</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="139"/>
        <location filename="ui_strings.py" line="40"/>
        <source>Attributions</source>
        <translation>归因</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="146"/>
        <location filename="ui_strings.py" line="118"/>
        <source>Hidden space</source>
        <translation>隐藏空间</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="156"/>
        <location filename="ui_strings.py" line="70"/>
        <source>Cross-validation</source>
        <translation>交叉验证</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="162"/>
        <location filename="ui_strings.py" line="62"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="171"/>
        <location filename="ui_strings.py" line="138"/>
        <source>Linear system</source>
        <translation>线性方程组</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="145"/>
        <source>Loss:</source>
        <translation>损失函数：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="147"/>
        <source>Model with weights (JSON)</source>
        <translation>模型及权重（JSON）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="148"/>
        <source>Model with weights (JSON)…</source>
        <translation>模型及权重（JSON）…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="149"/>
        <source>Momentum:</source>
        <translation>动量：</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="90"/>
        <location filename="ui_strings.py" line="152"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="100"/>
        <location filename="ui_strings.py" line="153"/>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="154"/>
        <source>Network seed:</source>
        <translation>网络种子：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="155"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="156"/>
        <source>Next phase</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="157"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="158"/>
        <source>No comparison: Train ▸ Compare…</source>
        <translation>尚无对比：训练 ▸ 对比…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="159"/>
        <source>No comparison: Train ▸ Compare… makes run B from this scene, with the settings you change, and trains both together.</source>
        <translation>当前没有对比：训练 ▸ 对比… 用你修改的设置从本场景生成运行 B，并同时训练两个运行。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="160"/>
        <source>No cross-validation yet: Train ▸ Cross-validate…</source>
        <translation>尚未进行交叉验证：训练 ▸ 交叉验证…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="161"/>
        <source>Noise:</source>
        <translation>噪声：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="162"/>
        <source>Number of points:</source>
        <translation>数据点数量：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="163"/>
        <source>Numbers</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="164"/>
        <source>One mini-batch through all three phases</source>
        <translation>一个小批量走完全部三个阶段</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="165"/>
        <source>One neuron fewer</source>
        <translation>减少一个神经元</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="166"/>
        <source>One neuron more</source>
        <translation>增加一个神经元</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="167"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="168"/>
        <source>Open Recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="169"/>
        <source>Optimizer race: from the current parameters, run SGD, momentum and Adam for this many full-batch steps on copies of the network (the real training is not touched) and draw their paths</source>
        <translation>优化器赛跑：从当前参数出发，在网络的副本上用 SGD、动量法和 Adam 各运行这么多步全批量训练（不影响真正的训练），并画出它们的路径</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="170"/>
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="171"/>
        <source>Outline each cross-validated point in the colour of its fold</source>
        <translation>用所属折的颜色圈出参与交叉验证的每个点</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="172"/>
        <source>Output: linear · loss: mean squared error</source>
        <translation>输出：线性 · 损失：均方误差</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="173"/>
        <source>Output: sigmoid · loss: binary cross-entropy</source>
        <translation>输出：sigmoid · 损失：二元交叉熵</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="174"/>
        <source>Output: softmax · loss: cross-entropy</source>
        <translation>输出：softmax · 损失：交叉熵</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="175"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="176"/>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="177"/>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="178"/>
        <source>PNG image…</source>
        <translation>PNG 图像…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="179"/>
        <source>Panels hidden in presenter mode</source>
        <translation>演示模式中隐藏的面板</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="180"/>
        <source>Parameter on the horizontal axis</source>
        <translation>横轴上的参数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="181"/>
        <source>Parameter on the vertical axis</source>
        <translation>纵轴上的参数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="182"/>
        <source>Patience:</source>
        <translation>耐心值：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="183"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="184"/>
        <source>Pen</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Play as fast as possible / at the calm speed (M)</source>
        <translation type="vanished">以最快速度播放 / 恢复平稳速度（M）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="186"/>
        <source>Points (CSV)</source>
        <translation>数据点（CSV）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="187"/>
        <source>Points (CSV)…</source>
        <translation>数据点（CSV）…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="188"/>
        <source>Predict, then reveal</source>
        <translation>先预测，再揭晓</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="189"/>
        <source>Presenter mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="191"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="193"/>
        <source>Race</source>
        <translation>赛跑</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="196"/>
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="197"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="201"/>
        <source>Remove the race paths</source>
        <translation>删除赛跑路径</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="204"/>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="205"/>
        <source>Restore best</source>
        <translation>恢复最佳</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="207"/>
        <source>Row-normalized</source>
        <translation>按行归一化</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="208"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="209"/>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="210"/>
        <source>SVG image</source>
        <translation>SVG 图像</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="211"/>
        <source>SVG image…</source>
        <translation>SVG 图像…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="212"/>
        <source>Saliency ‖∂f/∂x‖ on the canvas</source>
        <translation>在画布上显示显著性 ‖∂f/∂x‖</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="213"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="214"/>
        <source>Scrub back through the last steps (snapshots); the right end is the newest step</source>
        <translation>拖动以查看最近的各步（快照）；最右端是最新的一步</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="215"/>
        <source>Seed of the generator and of the train/validation/test split.</source>
        <translation>生成器和训练/验证/测试划分的种子。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="218"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="219"/>
        <source>Settings strip</source>
        <translation>设置栏</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="220"/>
        <source>Settings that differ</source>
        <translation>不同的设置</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="221"/>
        <source>Settings…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="222"/>
        <source>Share of the points used for training (filled); the rest are validation and test points.</source>
        <translation>用于训练的数据点比例（实心）；其余为验证点和测试点。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="223"/>
        <source>Shortcuts…</source>
        <translation>快捷键…</translation>
    </message>
    <message>
        <source>Show / hide the metrics (Ctrl+Shift+M)</source>
        <translation type="vanished">显示 / 隐藏评估指标（Ctrl+Shift+M）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="224"/>
        <source>Show each row as shares of its true class instead of counts</source>
        <translation>每行显示为该真实类别中的比例，而不是计数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="225"/>
        <source>Show the confusion matrix and the table, or the threshold, ROC and precision–recall curves (the view has no room for all of them together)</source>
        <translation>显示混淆矩阵和表格，或阈值、ROC 和精确率–召回率曲线（视图放不下全部内容）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="226"/>
        <source>Size points by loss</source>
        <translation>按损失调整点的大小</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="260"/>
        <source>Which points to evaluate</source>
        <translation>评估哪些数据点</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="274"/>
        <source>false positive rate</source>
        <translation>假正例率</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="287"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="288"/>
        <source>predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="289"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="295"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="296"/>
        <source>true positive rate</source>
        <translation>真正例率</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="297"/>
        <source>true value</source>
        <translation>真实值</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="298"/>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="299"/>
        <source>validation loss —</source>
        <translation>验证损失 —</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="301"/>
        <source>δb: change the last right-hand side b by this much; the dashed lines and the ring show the new answer</source>
        <translation>δb：把最后一个右端项 b 改变这么多；虚线和圆圈显示新的解</translation>
    </message>
    <message>
        <source>− Equation</source>
        <translation type="vanished">− 方程</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="304"/>
        <source>━ J = train data loss + penalty</source>
        <translation>━ J = 训练数据损失 + 惩罚项</translation>
    </message>
    <message>
        <source>The PCA plane needs a path: train a few steps first (Step or Play), or choose another plane.</source>
        <translation type="vanished">PCA 平面需要一条路径：请先训练几步（单步或播放），或选择另一个平面。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="241"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="93"/>
        <location filename="ui_strings.py" line="246"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="250"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="255"/>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="256"/>
        <source>Weight heatmaps</source>
        <translation>权重热图</translation>
    </message>
    <message>
        <location filename="../../gui/app_window/view_registry.py" line="112"/>
        <location filename="ui_strings.py" line="257"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="258"/>
        <source>Weights (CSV)</source>
        <translation>权重（CSV）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="259"/>
        <source>Weights (CSV)…</source>
        <translation>权重（CSV）…</translation>
    </message>
    <message>
        <source>Weights (JSON, named layers)</source>
        <translation type="vanished">权重（JSON，按层命名）</translation>
    </message>
    <message>
        <source>Weights (JSON, named layers)…</source>
        <translation type="vanished">权重（JSON，按层命名）…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="261"/>
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="262"/>
        <source>Whole window…</source>
        <translation>整个窗口…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="264"/>
        <source>Widen the grid so the whole path (and the optimum) is on it</source>
        <translation>扩大网格，使整条路径（以及最优点）都在网格内</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="270"/>
        <source>b (bias)</source>
        <translation>b（偏置）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="271"/>
        <source>bill_length_mm</source>
        <translation>bill_length_mm</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="272"/>
        <source>click adds the point (x, y)</source>
        <oldsource>Pen: click adds a point (P)</oldsource>
        <translation>单击添加点 (x, y)</translation>
    </message>
    <message>
        <location filename="../../gui/charts/gradient_norms.py" line="47"/>
        <location filename="ui_strings.py" line="303"/>
        <source>‖∂J/∂θ‖ per layer</source>
        <extracomment>The legend&apos;s forms, in the order tried: (layer numbers only?, columns). The whole names in one column; the layer numbers (the left axis says &quot;per layer&quot;) in two, then four columns. The left axis&apos;s title (translated with the window&apos;s axis titles, context &quot;ui&quot;) and its short form, shown while the title is longer than the plot is high.</extracomment>
        <translation>每层的 ‖∂J/∂θ‖</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="185"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>+ Equation</source>
        <translation type="vanished">+ 方程</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="23"/>
        <source>&lt;span style=&quot;color:#202020&quot;&gt;━&lt;/span&gt;&amp;nbsp;validation&amp;nbsp;loss,&amp;nbsp;mean&amp;nbsp;over&amp;nbsp;folds&amp;nbsp;&amp;nbsp; &lt;span style=&quot;color:#C8C8C8&quot;&gt;█&lt;/span&gt;&amp;nbsp;mean&amp;nbsp;±&amp;nbsp;std&amp;nbsp;&amp;nbsp; &lt;span style=&quot;color:#202020&quot;&gt;╌&lt;/span&gt;&amp;nbsp;training&amp;nbsp;loss,&amp;nbsp;mean&amp;nbsp;&amp;nbsp; &lt;span style=&quot;color:#E69F00&quot;&gt;─&lt;/span&gt;&amp;nbsp;each&amp;nbsp;fold&amp;nbsp;(validation)</source>
        <translation>&lt;span style=&quot;color:#202020&quot;&gt;━&lt;/span&gt;&amp;nbsp;验证损失，各折平均&amp;nbsp;&amp;nbsp; &lt;span style=&quot;color:#C8C8C8&quot;&gt;█&lt;/span&gt;&amp;nbsp;均值&amp;nbsp;±&amp;nbsp;标准差&amp;nbsp;&amp;nbsp; &lt;span style=&quot;color:#202020&quot;&gt;╌&lt;/span&gt;&amp;nbsp;训练损失，平均&amp;nbsp;&amp;nbsp; &lt;span style=&quot;color:#E69F00&quot;&gt;─&lt;/span&gt;&amp;nbsp;每一折（验证）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="26"/>
        <source>&lt;span style=&apos;color:#0072B2; white-space:nowrap&apos;&gt;━&amp;nbsp;t⁠r⁠a⁠i⁠n&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#E69F00; white-space:nowrap&apos;&gt;━&amp;nbsp;v⁠a⁠l⁠i⁠d⁠a⁠t⁠i⁠o⁠n&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#D55E00; white-space:nowrap&apos;&gt;━&amp;nbsp;t⁠e⁠s⁠t&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#009E73; white-space:nowrap&apos;&gt;━&amp;nbsp;a⁠c⁠c⁠u⁠r⁠a⁠c⁠y&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#0072B2; white-space:nowrap&apos;&gt;━&amp;nbsp;训⁠练&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#E69F00; white-space:nowrap&apos;&gt;━&amp;nbsp;验⁠证&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#D55E00; white-space:nowrap&apos;&gt;━&amp;nbsp;测⁠试&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#009E73; white-space:nowrap&apos;&gt;━&amp;nbsp;准⁠确⁠率&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="27"/>
        <source>&lt;span style=&apos;color:#0072B2; white-space:nowrap&apos;&gt;━&amp;nbsp;t⁠r⁠a⁠i⁠n&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#E69F00; white-space:nowrap&apos;&gt;━&amp;nbsp;v⁠a⁠l⁠i⁠d⁠a⁠t⁠i⁠o⁠n&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#D55E00; white-space:nowrap&apos;&gt;━&amp;nbsp;t⁠e⁠s⁠t&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:rgba(0,114,178,0.6); white-space:nowrap&apos;&gt;━&amp;nbsp;m⁠i⁠n⁠i⁠-⁠b⁠a⁠t⁠c⁠h&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#009E73; white-space:nowrap&apos;&gt;━&amp;nbsp;a⁠c⁠c⁠u⁠r⁠a⁠c⁠y&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#0072B2; white-space:nowrap&apos;&gt;━&amp;nbsp;训⁠练&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#E69F00; white-space:nowrap&apos;&gt;━&amp;nbsp;验⁠证&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#D55E00; white-space:nowrap&apos;&gt;━&amp;nbsp;测⁠试&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:rgba(0,114,178,0.6); white-space:nowrap&apos;&gt;━&amp;nbsp;小⁠批⁠量&lt;/span&gt; &amp;nbsp;&lt;span style=&apos;color:#009E73; white-space:nowrap&apos;&gt;━&amp;nbsp;准⁠确⁠率&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="28"/>
        <source>A as a map</source>
        <translation>A 作为映射</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="74"/>
        <source>Data loss</source>
        <translation>数据损失</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="112"/>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="114"/>
        <source>Gradient × input</source>
        <translation>梯度 × 输入</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="117"/>
        <source>Hidden layers:</source>
        <translation>隐藏层：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="119"/>
        <source>Hide and fix what the scene&apos;s classroom locks list</source>
        <translation>隐藏并固定场景的课堂锁定所列的内容</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="121"/>
        <source>Hide this notice</source>
        <translation>隐藏此提示</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="131"/>
        <source>Landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="135"/>
        <source>Lesson steps</source>
        <translation>课程步骤</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="139"/>
        <source>Lines</source>
        <translation>直线</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="150"/>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="151"/>
        <source>Move through the stages</source>
        <translation>依次经过各个阶段</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="190"/>
        <source>Projection:</source>
        <translation>投影：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="192"/>
        <source>RMSprop α:</source>
        <translation>RMSprop α：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="194"/>
        <source>Re-initialize the network from its seed (R)</source>
        <translation>按种子重新初始化网络（R）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="195"/>
        <source>Re-initialize the weights from the seed</source>
        <translation>按种子重新初始化权重</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="198"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="199"/>
        <source>Remove the last equation</source>
        <translation>删除最后一个方程</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="200"/>
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="202"/>
        <source>Replace these points by generated Three blobs points (undoable)</source>
        <translation>用生成的三个团簇数据点替换这些数据点（可撤销）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="203"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="206"/>
        <source>Rewind</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Seed of the generator and of the train/test split.</source>
        <translation type="vanished">生成器和训练/测试划分的种子。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="216"/>
        <source>Seed of the initial weights and the dropout masks.</source>
        <translation>初始权重和 dropout 掩码的种子。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="217"/>
        <source>Seed of the mini-batch shuffling.</source>
        <translation>小批量打乱顺序的种子。</translation>
    </message>
    <message>
        <source>Share of the points used for training; the rest test.</source>
        <translation type="vanished">用于训练的数据点比例；其余用于测试。</translation>
    </message>
    <message>
        <source>Show / hide the hidden space (Ctrl+Shift+H)</source>
        <translation type="vanished">显示 / 隐藏“隐藏空间”视图（Ctrl+Shift+H）</translation>
    </message>
    <message>
        <source>Show / hide the linear system (Ctrl+Shift+L)</source>
        <translation type="vanished">显示 / 隐藏线性方程组（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="227"/>
        <source>Stage: the input, then Wa + b and f of each hidden layer</source>
        <translation>阶段：输入，然后是每个隐藏层的 Wa + b 和 f</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="228"/>
        <source>Standardize</source>
        <translation>标准化</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="229"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="230"/>
        <source>Step size η of the optimizer.</source>
        <translation>优化器的步长 η。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="231"/>
        <source>Step through</source>
        <translation>逐步执行</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="232"/>
        <source>Steps per fold:</source>
        <translation>每折步数：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="233"/>
        <source>Steps until every training point was used</source>
        <translation>一轮（epoch）：运行到每个训练点都用过一次为止</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="234"/>
        <source>Student mode</source>
        <translation>学生模式</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="235"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="236"/>
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="237"/>
        <source>The attribution method shown (the view has no room for all four charts)</source>
        <translation>显示的归因方法（视图放不下全部四张图）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="238"/>
        <source>The generator used by Regenerate; must belong to the task.</source>
        <translation>“重新生成”使用的生成器；必须属于当前任务。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="239"/>
        <source>The plane, grid, colouring, recompute and optimizer race (above the plot when the view is tall enough)</source>
        <translation>平面、网格、着色、重新计算与优化器赛跑（视图足够高时显示在图的上方）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="240"/>
        <source>The scene&apos;s classroom locks are applied. View ▸ Student mode leaves it.</source>
        <translation>已应用场景的课堂锁定。选择“视图 ▸ 学生模式”可退出。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="242"/>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="243"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="244"/>
        <source>Train a copy of this scene with other settings (run B) side by side with it</source>
        <translation>用其他设置训练本场景的副本（运行 B），与本场景并排显示</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="245"/>
        <source>Train continuously / pause</source>
        <translation>连续训练 / 暂停</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="247"/>
        <source>Training share:</source>
        <translation>训练比例：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="248"/>
        <source>Training steps</source>
        <translation>训练步骤</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="249"/>
        <source>Trains the current settings k times from the same initial weights, each time holding out one fold of the training and validation points (stratified by class). The test points are not used.</source>
        <translation>用当前设置从相同的初始权重训练 k 次，每次留出训练点和验证点中的一折（按类别分层）。不使用测试点。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="251"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="252"/>
        <source>Update rule (PyTorch conventions).</source>
        <translation>更新规则（PyTorch 约定）。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="253"/>
        <source>Use Three blobs instead</source>
        <translation>改用三个团簇数据</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="254"/>
        <source>Validation share:</source>
        <translation>验证比例：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="263"/>
        <source>Why this prediction?</source>
        <translation>为什么是这个预测？</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="265"/>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="266"/>
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="267"/>
        <source>Z-score the features with the training points&apos; mean and standard deviation.</source>
        <translation>用训练点的均值和标准差对特征做 z 分数标准化。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="268"/>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="269"/>
        <source>accuracy —</source>
        <translation>准确率 —</translation>
    </message>
    <message>
        <source>computing …</source>
        <translation type="vanished">计算中…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="273"/>
        <source>data loss</source>
        <translation>数据损失</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="275"/>
        <source>fit path</source>
        <translation>适应路径</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="276"/>
        <source>flipper_length_mm</source>
        <translation>flipper_length_mm</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="277"/>
        <source>follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="278"/>
        <source>k-fold cross-validation of the current settings</source>
        <translation>对当前设置做 k 折交叉验证</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="279"/>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="280"/>
        <source>log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="281"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="282"/>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="283"/>
        <source>next: &lt;b&gt;Forward&lt;/b&gt;</source>
        <translation>下一步：&lt;b&gt;前向&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="284"/>
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="285"/>
        <source>per layer</source>
        <translation>逐层设置</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="286"/>
        <source>playing…</source>
        <translation>播放中…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="290"/>
        <source>sin(X₁)</source>
        <translation>sin(X₁)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="291"/>
        <source>sin(X₂)</source>
        <translation>sin(X₂)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="292"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="293"/>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="294"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>test loss —</source>
        <translation type="vanished">测试损失 —</translation>
    </message>
    <message>
        <source>train loss —</source>
        <translation type="vanished">训练损失 —</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="300"/>
        <source>w (weight)</source>
        <translation>w（权重）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="302"/>
        <source>μ of momentum and Nesterov: v ← μ v + g.</source>
        <translation>动量法和 Nesterov 的 μ：v ← μ v + g。</translation>
    </message>
</context>
</TS>
