package dev.cnnlab.report.content;

import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Figure;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import java.util.ArrayList;
import java.util.List;

/** The charts, each drawn or as a note saying why not. */
final class ChartsSection {

    private final List<RenderedChart> charts;
    private final List<Block> blocks = new ArrayList<>();

    ChartsSection(List<RenderedChart> charts) {
        this.charts = charts;
    }

    List<Block> blocks() {
        charts();
        return blocks;
    }

    private void charts() {
        blocks.add(new Heading(2, "Charts", "charts-section"));
        for (RenderedChart chart : charts) {
            blocks.add(chart.drawn() ? new Figure(chart) : Paragraph.note(chart.note()));
        }
    }
}
