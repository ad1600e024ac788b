package dev.cnnlab.report.content;

import java.util.List;

/**
 * The report as format-neutral blocks of plain text: built once by {@link ReportContent}, printed
 * by the render package's Markdown and HTML renderers, so both files carry the same sections.
 * Text is plain (renderers escape it); no block carries markup.
 *
 * @param title the document title
 * @param blocks the content, in order
 */
public record ReportDocument(String title, List<Block> blocks) {

    public ReportDocument {
        blocks = List.copyOf(blocks);
    }

    /** One piece of content. */
    public sealed interface Block permits Heading, Paragraph, Bullets, Table, Figure, Details {}

    /**
     * A section heading.
     *
     * @param level 2 for sections, 3 for subsections (1 is the title)
     * @param text heading text
     * @param id stable anchor id
     */
    public record Heading(int level, String text, String id) implements Block {}

    /**
     * A paragraph.
     *
     * @param text the text
     * @param note true for a remark (a caveat, a skipped chart) that renderers may set apart
     */
    public record Paragraph(String text, boolean note) implements Block {
        static Paragraph of(String text) {
            return new Paragraph(text, false);
        }

        static Paragraph note(String text) {
            return new Paragraph(text, true);
        }
    }

    /** A bullet list. */
    public record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    /**
     * A table with a stable id.
     *
     * @param id the table's id (HTML {@code id}, found by tests and the browser check)
     * @param header column headings
     * @param rows body rows
     */
    public record Table(String id, List<String> header, List<Row> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }
    }

    /**
     * A table row.
     *
     * @param cells cell texts, one per column
     * @param highlighted true for the row to set apart (the baseline set)
     */
    public record Row(List<String> cells, boolean highlighted) {
        public Row {
            cells = List.copyOf(cells);
        }

        static Row of(List<String> cells) {
            return new Row(cells, false);
        }
    }

    /** A drawn chart. */
    public record Figure(RenderedChart chart) implements Block {}

    /**
     * A collapsed block of preformatted text (a run's full config).
     *
     * @param summary the always-visible line
     * @param code the preformatted text
     */
    public record Details(String summary, String code) implements Block {}
}
