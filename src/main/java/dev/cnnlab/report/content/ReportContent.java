package dev.cnnlab.report.content;

import dev.cnnlab.report.analysis.StudyAnalysis;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.load.StudyResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the report's content from its sections, one class each: header ({@link StudyHeaderSection}
 * or {@link TableHeaderSection}), the answer in brief ({@link SummarySection}), accuracies
 * ({@link AccuracySection}), gains and faithfulness ({@link FaithfulnessSection}), the promotion
 * ({@link PromotionSection}), predictions at the target ({@link PredictionSection}), the published numbers ({@link PublishedSection}), cost
 * ({@link CostSection}), charts ({@link ChartsSection}), methods ({@link MethodsSection}) and
 * provenance ({@link ProvenanceSection}). A report of a published table has the parts that its
 * numbers support.
 */
public final class ReportContent {

    private ReportContent() {}

    /** The report of a cnnlab study. */
    public static ReportDocument forStudy(StudyResults results, StudyAnalysis analysis, List<RenderedChart> charts) {
        List<Block> blocks = new ArrayList<>();
        blocks.addAll(new StudyHeaderSection(results, analysis).blocks());
        blocks.addAll(new SummarySection(analysis).blocks());
        blocks.addAll(new AccuracySection(analysis, Optional.of(results)).blocks());
        blocks.addAll(new FaithfulnessSection(analysis).blocks());
        blocks.addAll(new PromotionSection(analysis).blocks());
        blocks.addAll(new PredictionSection(analysis).blocks());
        blocks.addAll(new PublishedSection(analysis, results.spec()).blocks());
        blocks.addAll(new CostSection(analysis, results).blocks());
        blocks.addAll(new ChartsSection(charts).blocks());
        blocks.addAll(new MethodsSection(analysis).blocks());
        blocks.addAll(new ProvenanceSection(results).blocks());
        return new ReportDocument("Study report: " + results.spec().name(), blocks);
    }

    /** The report of a table of results that cnnlab did not train. */
    public static ReportDocument forTable(
            String name, String source, StudyAnalysis analysis, List<RenderedChart> charts) {
        List<Block> blocks = new ArrayList<>();
        blocks.addAll(new TableHeaderSection(source, analysis.evidence()).blocks());
        blocks.addAll(new SummarySection(analysis).blocks());
        blocks.addAll(new AccuracySection(analysis, Optional.empty()).blocks());
        blocks.addAll(new FaithfulnessSection(analysis).blocks());
        blocks.addAll(new PredictionSection(analysis).blocks());
        blocks.addAll(new ChartsSection(charts).blocks());
        blocks.addAll(new MethodsSection(analysis).blocks());
        return new ReportDocument("Report: " + name, blocks);
    }
}
