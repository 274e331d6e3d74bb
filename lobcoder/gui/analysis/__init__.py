"""The analysis window: frequencies, co-occurrence, crosstabs and quotes of the open project.

``install.install_analysis_menu(main_window)`` adds the Analysis menu; the
window itself (``window.AnalysisWindow``) is created on first use. The tabs
only show and export what ``lobcoder.analysis`` computes and
``lobcoder.reports`` writes.
"""
