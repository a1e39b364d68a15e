<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>GraphicsScene</name>
    <message>
        <location filename="../../gui/export_actions.py" line="176" />
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../gui/i18n.py" line="206" />
        <location filename="../../gui/i18n.py" line="232" />
        <source>Language</source>
        <extracomment>Language code → name shown in View ▸ Language (each in its own language). Translation context of texts harvested from widgets that do not call tr() themselves.</extracomment>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <location filename="../../gui/lessons_menu.py" line="77" />
        <source>Both languages (English and 中文)</source>
        <extracomment>The heading belongs to the lesson text, so it follows the text's language (not the interface's).</extracomment>
        <translation>双语显示（English 和中文）</translation>
    </message>
    <message>
        <location filename="../../gui/lessons_menu.py" line="91" />
        <source>Choose a lesson in the Lessons menu.</source>
        <translation>请在“课程”菜单中选择一节课。</translation>
    </message>
    <message>
        <location filename="../../gui/lessons_menu.py" line="132" />
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/lessons_menu.py" line="133" />
        <source>Lesson notes</source>
        <translation>课程说明</translation>
    </message>
    <message>
        <location filename="../../gui/lessons_menu.py" line="147" />
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../gui/lessons_menu.py" line="148" />
        <source>Cannot load this lesson:</source>
        <translation>无法加载这节课：</translation>
    </message>
    <message>
        <location filename="../../gui/lessons_menu.py" line="158" />
        <source>Lesson: %1</source>
        <translation>课程：%1</translation>
    </message>
</context>
<context>
    <name>PredictReveal</name>
    <message>
        <location filename="../../gui/predict_reveal.py" line="123" />
        <location filename="../../gui/predict_reveal.py" line="210" />
        <source>Predict, then reveal</source>
        <translation>先预测，再揭晓</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="124" />
        <source>Before the backward pass: which way will %1 move in this step?</source>
        <translation>反向传播之前：这一步中 %1 会朝哪个方向变化？</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="126" />
        <source>Now %1 = %2. Think about the sign of ∂J/∂θ, then choose.</source>
        <translation>当前 %1 = %2。想一想 ∂J/∂θ 的符号，然后选择。</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="129" />
        <source>↑ Up</source>
        <translation>↑ 变大</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="130" />
        <source>↓ Down</source>
        <translation>↓ 变小</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="146" />
        <source>up</source>
        <translation>变大</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="146" />
        <source>down</source>
        <translation>变小</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="147" />
        <source>stays where it is</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="148" />
        <source>∂J/∂%1 = %2 (%3).</source>
        <translation>∂J/∂%1 = %2（%3）。</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="150" />
        <source>positive</source>
        <translation>正</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="151" />
        <source>negative</source>
        <translation>负</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="152" />
        <source>zero</source>
        <translation>零</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="154" />
        <source>SGD moves θ against the gradient: Δθ = −η·∂J/∂θ = −%1 × %2 = %3.</source>
        <translation>SGD 沿梯度的反方向移动 θ：Δθ = −η·∂J/∂θ = −%1 × %2 = %3。</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="159" />
        <source>%1 also uses its running averages: the update will be Δθ = %2.</source>
        <translation>%1 还会用到它的滑动平均：这次更新为 Δθ = %2。</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="162" />
        <source>So %1 goes &lt;b&gt;%2&lt;/b&gt;: %3 → %4.</source>
        <translation>所以 %1 &lt;b&gt;%2&lt;/b&gt;：%3 → %4。</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="167" />
        <source>Your prediction (%1) was right.</source>
        <translation>你的预测（%1）是对的。</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="169" />
        <source>Your prediction (%1) was not right this time.</source>
        <translation>你的预测（%1）这次不对。</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="177" />
        <source>The answer</source>
        <translation>答案</translation>
    </message>
    <message>
        <location filename="../../gui/predict_reveal.py" line="211" />
        <source>Before each Backward phase, ask which way the selected weight will move, then reveal the answer</source>
        <translation>每次反向传播之前，先问所选权重会朝哪个方向变化，再揭晓答案</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../../gui/presenter.py" line="112" />
        <source>Presenter mode</source>
        <extracomment>Docks students keep seeing by default (object-name fragments). Tool bars hidden by default (the step buttons stay).</extracomment>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="../../gui/presenter.py" line="113" />
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../gui/presenter.py" line="115" />
        <source>Presenter scale %1×</source>
        <translation>演示缩放 %1×</translation>
    </message>
    <message>
        <location filename="../../gui/presenter.py" line="117" />
        <source>Panels hidden in presenter mode</source>
        <translation>演示模式中隐藏的面板</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../gui/shortcuts.py" line="35" />
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="36" />
        <source>Drawing</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="37" />
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="38" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="43" />
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="45" />
        <source>Next phase: forward → backward → update</source>
        <translation>下一阶段：前向 → 反向 → 更新</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="48" />
        <source>Full step (all three phases)</source>
        <translation>完整一步（全部三个阶段）</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="50" />
        <source>One epoch</source>
        <translation>一个轮次（epoch）</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="52" />
        <source>Rewind one step</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="55" />
        <source>Reset the weights (re-initialize from the seed)</source>
        <translation>重置权重（按种子重新初始化）</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="57" />
        <source>Forward phase</source>
        <translation>前向阶段</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="59" />
        <source>Backward phase</source>
        <translation>反向阶段</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="61" />
        <source>Update phase</source>
        <translation>更新阶段</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="64" />
        <source>Class of new points (1–8)</source>
        <translation>新数据点的类别（1–8）</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="66" />
        <source>Pen: click adds a point</source>
        <translation>画笔：单击添加一个点</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="68" />
        <source>Brush: drag sprays points</source>
        <translation>喷刷：拖动喷洒数据点</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="70" />
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="72" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="74" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="77" />
        <source>Clear all points</source>
        <translation>清除所有点</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="78" />
        <source>Presenter mode on / off</source>
        <translation>打开 / 关闭演示模式</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="80" />
        <source>Full screen on / off</source>
        <translation>打开 / 关闭全屏</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="83" />
        <source>Discretize the decision boundary</source>
        <translation>离散显示决策边界</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="85" />
        <source>Log-scale loss curve</source>
        <translation>对数刻度损失曲线</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="88" />
        <source>This list of shortcuts</source>
        <translation>本快捷键列表</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="90" />
        <source>Show / hide the network diagram</source>
        <translation>显示 / 隐藏网络结构图</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="93" />
        <source>Show / hide the inspector</source>
        <translation>显示 / 隐藏检查器</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="96" />
        <source>Show / hide the weight and gradient heatmaps</source>
        <translation>显示 / 隐藏权重与梯度热图</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="99" />
        <source>Show / hide the gradient norms</source>
        <translation>显示 / 隐藏梯度范数</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="101" />
        <source>New scene</source>
        <translation>新建场景</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="103" />
        <source>Open a scene…</source>
        <translation>打开场景…</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="105" />
        <source>Save the scene</source>
        <translation>保存场景</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="108" />
        <source>Save the scene as…</source>
        <translation>场景另存为…</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="109" />
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="111" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="114" />
        <source>Mouse</source>
        <translation>鼠标</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="117" />
        <source>Left click</source>
        <extracomment>Mouse gestures, listed in the Help dialog after the keys: (gesture, description).</extracomment>
        <translation>左键单击</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="118" />
        <source>Add a point of the current class</source>
        <translation>添加一个当前类别的点</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="119" />
        <source>Right click</source>
        <translation>右键单击</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="120" />
        <source>Add a point of the next class</source>
        <translation>添加一个下一类别的点</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="121" />
        <source>Ctrl+click</source>
        <translation>Ctrl+单击</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="122" />
        <source>Remove the nearest point</source>
        <translation>删除最近的点</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="123" />
        <source>Shift+click a point</source>
        <translation>Shift+单击一个点</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="124" />
        <source>Select the sample (inspector, input-gradient arrow)</source>
        <translation>选中该样本（检查器、输入梯度箭头）</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="125" />
        <source>Click an edge, bias or heatmap cell</source>
        <translation>单击一条边、一个偏置或热图格子</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="126" />
        <source>Select that parameter (inspector, predict-then-reveal)</source>
        <translation>选中该参数（检查器、先预测再揭晓）</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="127" />
        <source>Hover a neuron</source>
        <translation>鼠标悬停在神经元上</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="128" />
        <source>Show its activation map on the canvas</source>
        <translation>在画布上显示它的激活图</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="182" />
        <location filename="../../gui/shortcuts.py" line="246" />
        <source>Next phase</source>
        <extracomment>How keys are shown in the Help dialog and tool tips.</extracomment>
        <translation>下一阶段</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="206" />
        <location filename="../../gui/shortcuts.py" line="247" />
        <source>Shortcuts…</source>
        <translation>快捷键…</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="269" />
        <source>More</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="281" />
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="285" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../gui/shortcuts.py" line="286" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <location filename="../../gui/themes.py" line="69" />
        <source>Light</source>
        <extracomment>Themes the user picks in View ▸ Theme (high contrast belongs to presenter mode). Extra style sheet per theme, applied to the main window (buttons, docks, tool bars). pyqtgraph views (class names) that keep a light background in the dark theme.</extracomment>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../gui/themes.py" line="69" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../gui/themes.py" line="70" />
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location filename="../../gui/themes.py" line="180" />
        <location filename="../../gui/themes.py" line="204" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
</context>
<context>
    <name>ui</name>
    <message>
        <location filename="ui_strings.py" line="8" />
        <source>  speed </source>
        <translation>  速度 </translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="9" />
        <source> class </source>
        <translation> 类别 </translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="10" />
        <source>&amp;Draw</source>
        <translation>绘制(&amp;D)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="11" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="12" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="13" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="14" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="15" />
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="16" />
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="17" />
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="18" />
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="19" />
        <source>&amp;Train</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="20" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="21" />
        <source>&lt;b&gt;Hidden layers&lt;/b&gt;</source>
        <translation>&lt;b&gt;隐藏层&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="22" />
        <source>&lt;span style='color:#0072B2'&gt;━ train loss&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style='color:#D55E00'&gt;━ test loss&lt;/span&gt;</source>
        <translation>&lt;span style='color:#0072B2'&gt;━ 训练损失&lt;/span&gt;&amp;nbsp;&amp;nbsp;&lt;span style='color:#D55E00'&gt;━ 测试损失&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="23" />
        <source>&lt;span style='color:#009E73'&gt;━ test accuracy&lt;/span&gt;</source>
        <translation>&lt;span style='color:#009E73'&gt;━ 测试准确率&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="24" />
        <source>A weight clicked in the network diagram becomes the horizontal axis; the previous one moves to the vertical</source>
        <translation>在网络结构图中单击的权重成为横轴；原来的横轴参数移到纵轴</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="25" />
        <source>Activation of every hidden layer, or one name per hidden layer.</source>
        <translation>所有隐藏层的激活函数，或每个隐藏层各一个。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="26" />
        <source>Activation:</source>
        <translation>激活函数：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="27" />
        <source>Adam β₁:</source>
        <translation>Adam β₁：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="28" />
        <source>Adam β₂:</source>
        <translation>Adam β₂：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="29" />
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="30" />
        <source>Added to the denominator of RMSprop and Adam.</source>
        <translation>加在 RMSprop 和 Adam 的分母上。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="31" />
        <source>Animation:</source>
        <translation>动画：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="32" />
        <source>Apply the optimizer to the weights</source>
        <translation>用优化器更新权重</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="33" />
        <source>Backpropagate: δ and ∂J/∂W, ∂J/∂b</source>
        <translation>反向传播：δ 以及 ∂J/∂W、∂J/∂b</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="34" />
        <source>Backward</source>
        <translation>反向</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="35" />
        <source>Batch seed:</source>
        <translation>批次种子：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="36" />
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="37" />
        <source>Before each Backward phase, ask which way the selected weight will move, then reveal the answer</source>
        <translation>每次反向传播之前，先问所选权重会朝哪个方向变化，再揭晓答案</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="38" />
        <source>Both languages (English and 中文)</source>
        <translation>双语显示（English 和中文）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="39" />
        <source>Brush</source>
        <translation>喷刷</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="40" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="41" />
        <source>Changes keep the current weights.</source>
        <translation>修改这些设置会保留当前权重。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="42" />
        <source>Choose the activation of each hidden layer separately</source>
        <translation>为每个隐藏层分别选择激活函数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="43" />
        <source>Classification (class labels) or regression (real targets).</source>
        <translation>分类（类别标签）或回归（实数目标）。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="44" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="45" />
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="46" />
        <source>Colour by log₁₀ of the loss: shows the floor of a deep valley</source>
        <translation>按损失的 log₁₀ 着色：能看清深谷的谷底</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="47" />
        <source>Copy as text</source>
        <translation>复制为文本</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="48" />
        <source>Copy everything shown, every value in full precision</source>
        <translation>复制所显示的全部内容，所有数值保留完整精度</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="49" />
        <source>Copy inspector as text</source>
        <translation>将检查器内容复制为文本</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="50" />
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="51" />
        <source>Copy window to clipboard</source>
        <translation>将窗口复制到剪贴板</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="52" />
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="53" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="54" />
        <source>Data canvas</source>
        <translation>数据画布</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="55" />
        <source>Data seed:</source>
        <translation>数据种子：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="56" />
        <source>Data set:</source>
        <translation>数据集：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="57" />
        <source>Decay rate of Adam's first-moment average m.</source>
        <translation>Adam 一阶矩平均 m 的衰减率。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="58" />
        <source>Decay rate of Adam's second-moment average v.</source>
        <translation>Adam 二阶矩平均 v 的衰减率。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="59" />
        <source>Decay rate of RMSprop's average of g².</source>
        <translation>RMSprop 的 g² 平均的衰减率。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="60" />
        <source>Discretize boundary</source>
        <translation>离散显示边界</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="61" />
        <source>Draw</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="62" />
        <source>Draw new points from the data set (undoable)</source>
        <translation>从数据集重新生成数据点（可撤销）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="63" />
        <source>Drawing</source>
        <translation>绘制</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="64" />
        <source>Dropout:</source>
        <translation>Dropout：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="65" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="66" />
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="67" />
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="68" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="69" />
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="70" />
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="71" />
        <source>Export PNG</source>
        <translation>导出 PNG</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="72" />
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="73" />
        <source>Export SVG</source>
        <translation>导出 SVG</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="74" />
        <source>Export SVG…</source>
        <translation>导出 SVG…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="75" />
        <source>Export...</source>
        <translation>导出...</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="76" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="77" />
        <source>Forward</source>
        <translation>前向</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="78" />
        <source>Forward pass on the next mini-batch</source>
        <translation>对下一个小批量做前向传播</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="79" />
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="80" />
        <source>Go back one more step (←)</source>
        <translation>再后退一步（←）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="81" />
        <source>Go back one step (snapshots)</source>
        <translation>后退一步（快照）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="82" />
        <source>Gradient clipping:</source>
        <translation>梯度裁剪：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="83" />
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="84" />
        <source>Half-width of the grid around the current point, in the axes' units (parameter values, or α and β)</source>
        <translation>网格围绕当前点的半宽，单位同坐标轴（参数值，或 α 和 β）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="85" />
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="86" />
        <source>Hide this message</source>
        <translation>隐藏此消息</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="87" />
        <source>History (CSV)</source>
        <translation>训练历史（CSV）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="88" />
        <source>History (CSV)…</source>
        <translation>训练历史（CSV）…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="89" />
        <source>How many points the generator draws.</source>
        <translation>生成器生成的数据点数量。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="90" />
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="91" />
        <source>Initialization:</source>
        <translation>初始化：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="92" />
        <source>Input features</source>
        <translation>输入特征</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="93" />
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="94" />
        <source>L1 rate:</source>
        <translation>L1 系数：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="95" />
        <source>L2 rate:</source>
        <translation>L2 系数：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="96" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="97" />
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="98" />
        <source>Lesson notes</source>
        <translation>课程说明</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="99" />
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="100" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="101" />
        <source>Load points from a CSV file (Ctrl+I)</source>
        <translation>从 CSV 文件加载数据点（Ctrl+I）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="102" />
        <source>Log-scale loss</source>
        <translation>对数刻度损失</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="103" />
        <source>Logarithmic loss axis (L)</source>
        <translation>损失轴使用对数刻度（L）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="104" />
        <source>Loss curve</source>
        <translation>损失曲线</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="105" />
        <source>Loss surface</source>
        <translation>损失曲面</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="106" />
        <source>Loss:</source>
        <translation>损失函数：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="107" />
        <source>Momentum:</source>
        <translation>动量：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="108" />
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="109" />
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="110" />
        <source>Network seed:</source>
        <translation>网络种子：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="111" />
        <source>Next phase</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="112" />
        <source>Noise:</source>
        <translation>噪声：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="113" />
        <source>Number of points:</source>
        <translation>数据点数量：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="114" />
        <source>One mini-batch through all three phases</source>
        <translation>一个小批量走完全部三个阶段</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="115" />
        <source>One neuron fewer</source>
        <translation>减少一个神经元</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="116" />
        <source>One neuron more</source>
        <translation>增加一个神经元</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="117" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="118" />
        <source>Open Recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="119" />
        <source>Optimizer race: from the current parameters, run SGD, momentum and Adam for this many full-batch steps on copies of the network (the real training is not touched) and draw their paths</source>
        <translation>优化器竞赛：从当前参数出发，在网络的副本上用 SGD、动量法和 Adam 各运行这么多步全批量训练（不影响真正的训练），并画出它们的路径</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="120" />
        <source>Optimizer:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="121" />
        <source>Output: linear · loss: mean squared error</source>
        <translation>输出：linear · 损失：均方误差</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="122" />
        <source>Output: sigmoid · loss: binary cross-entropy</source>
        <translation>输出：sigmoid · 损失：二元交叉熵</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="123" />
        <source>Output: softmax · loss: cross-entropy</source>
        <translation>输出：softmax · 损失：交叉熵</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="124" />
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="125" />
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="126" />
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="127" />
        <source>PNG image…</source>
        <translation>PNG 图像…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="128" />
        <source>Panels hidden in presenter mode</source>
        <translation>演示模式中隐藏的面板</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="129" />
        <source>Parameter on the horizontal axis</source>
        <translation>横轴上的参数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="130" />
        <source>Parameter on the vertical axis</source>
        <translation>纵轴上的参数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="131" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="132" />
        <source>Pen</source>
        <translation>画笔</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="134" />
        <source>Points (CSV)</source>
        <translation>数据点（CSV）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="135" />
        <source>Points (CSV)…</source>
        <translation>数据点（CSV）…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="136" />
        <source>Predict, then reveal</source>
        <translation>先预测，再揭晓</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="137" />
        <source>Presenter mode</source>
        <translation>演示模式</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="138" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="140" />
        <source>Race</source>
        <translation>竞赛</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="143" />
        <source>Recompute</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="144" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="147" />
        <source>Remove the race paths</source>
        <translation>删除竞赛路径</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="150" />
        <source>SVG image</source>
        <translation>SVG 图像</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="151" />
        <source>SVG image…</source>
        <translation>SVG 图像…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="152" />
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="157" />
        <source>Shortcuts…</source>
        <translation>快捷键…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="164" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="167" />
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="170" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="173" />
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="174" />
        <source>Weight heatmaps</source>
        <translation>权重热图</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="175" />
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="176" />
        <source>Weights (CSV)</source>
        <translation>权重（CSV）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="177" />
        <source>Weights (CSV)…</source>
        <translation>权重（CSV）…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="178" />
        <source>Weights (JSON, named layers)</source>
        <translation>权重（JSON，按层命名）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="179" />
        <source>Weights (JSON, named layers)…</source>
        <translation>权重（JSON，按层命名）…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="180" />
        <source>Whole window</source>
        <translation>整个窗口</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="181" />
        <source>Whole window…</source>
        <translation>整个窗口…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="182" />
        <source>Widen the grid so the whole path (and the optimum) is on it</source>
        <translation>扩大网格，使整条路径（以及最优点）都在网格内</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="186" />
        <source>b (bias)</source>
        <translation>b（偏置）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="187" />
        <source>bill_length_mm</source>
        <translation>bill_length_mm</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="188" />
        <source>click adds the point (x, y)</source>
        <oldsource>Pen: click adds a point (P)</oldsource>
        <translation>单击添加点 (x, y)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="209" />
        <source>‖∂J/∂θ‖ per layer</source>
        <translation>每层的 ‖∂J/∂θ‖</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="133" />
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="139" />
        <source>RMSprop α:</source>
        <translation>RMSprop α：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="141" />
        <source>Re-initialize the network from its seed (R)</source>
        <translation>按种子重新初始化网络（R）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="142" />
        <source>Re-initialize the weights from the seed</source>
        <translation>按种子重新初始化权重</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="145" />
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="146" />
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="148" />
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="149" />
        <source>Rewind</source>
        <translation>后退</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="153" />
        <source>Seed of the generator and of the train/test split.</source>
        <translation>生成器和训练/测试划分的种子。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="154" />
        <source>Seed of the initial weights and the dropout masks.</source>
        <translation>初始权重和 dropout 掩码的种子。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="155" />
        <source>Seed of the mini-batch shuffling.</source>
        <translation>小批量打乱顺序的种子。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="156" />
        <source>Share of the points used for training; the rest test.</source>
        <translation>用于训练的数据点比例；其余用于测试。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="158" />
        <source>Standardize</source>
        <translation>标准化</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="159" />
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="160" />
        <source>Step size η of the optimizer.</source>
        <translation>优化器的步长 η。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="161" />
        <source>Steps until every training point was used</source>
        <translation>运行到每个训练点都用过一次为止</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="162" />
        <source>Task:</source>
        <translation>任务：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="163" />
        <source>The generator used by Regenerate; must belong to the task.</source>
        <translation>“重新生成”使用的生成器；必须属于当前任务。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="165" />
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="166" />
        <source>Train continuously / pause</source>
        <translation>连续训练 / 暂停</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="168" />
        <source>Training share:</source>
        <translation>训练比例：</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="169" />
        <source>Training steps</source>
        <translation>训练步骤</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="171" />
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="172" />
        <source>Update rule (PyTorch conventions).</source>
        <translation>更新规则（PyTorch 约定）。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="183" />
        <source>Z-score the features with the training points' mean and standard deviation.</source>
        <translation>用训练点的均值和标准差对特征做 z 分数标准化。</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="184" />
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="185" />
        <source>accuracy —</source>
        <translation>准确率 —</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="189" />
        <source>computing …</source>
        <translation>计算中 …</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="190" />
        <source>fit path</source>
        <translation>适应路径</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="191" />
        <source>flipper_length_mm</source>
        <translation>flipper_length_mm</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="192" />
        <source>follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="193" />
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="194" />
        <source>log y</source>
        <translation>对数 y</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="195" />
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="196" />
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="197" />
        <source>next: &lt;b&gt;Forward&lt;/b&gt;</source>
        <translation>下一步：&lt;b&gt;前向&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="198" />
        <source>paused</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="199" />
        <source>per layer</source>
        <translation>逐层设置</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="200" />
        <source>playing…</source>
        <translation>播放中…</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="201" />
        <source>sin(X₁)</source>
        <translation>sin(X₁)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="202" />
        <source>sin(X₂)</source>
        <translation>sin(X₂)</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="203" />
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="204" />
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="205" />
        <source>test loss —</source>
        <translation>测试损失 —</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="206" />
        <source>train loss —</source>
        <translation>训练损失 —</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="207" />
        <source>w (weight)</source>
        <translation>w（权重）</translation>
    </message>
    <message>
        <location filename="ui_strings.py" line="208" />
        <source>μ of momentum and Nesterov: v ← μ v + g.</source>
        <translation>动量法和 Nesterov 的 μ：v ← μ v + g。</translation>
    </message>
</context>
</TS>