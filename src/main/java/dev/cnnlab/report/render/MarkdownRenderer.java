package dev.cnnlab.report.render;

import dev.cnnlab.report.content.RenderedChart;
import dev.cnnlab.report.content.ReportDocument;
import dev.cnnlab.report.content.ReportDocument.Block;
import dev.cnnlab.report.content.ReportDocument.Bullets;
import dev.cnnlab.report.content.ReportDocument.Details;
import dev.cnnlab.report.content.ReportDocument.Figure;
import dev.cnnlab.report.content.ReportDocument.Heading;
import dev.cnnlab.report.content.ReportDocument.Paragraph;
import dev.cnnlab.report.content.ReportDocument.Row;
import dev.cnnlab.report.content.ReportDocument.Table;
import java.util.List;

/** Prints a {@link ReportDocument} as GitHub-flavoured Markdown; charts are linked from {@code filesDir}. */
public final class MarkdownRenderer {

    private final String filesDir;

    /** @param filesDir folder of the chart files, relative to the Markdown file */
    public MarkdownRenderer(String filesDir) {
        this.filesDir = filesDir;
    }

    public String render(ReportDocument document) {
        StringBuilder md =
                new StringBuilder("# ").append(text(document.title())).append("\n\n");
        for (Block block : document.blocks()) {
            if (block instanceof Heading h) {
                md.append("#".repeat(h.level()))
                        .append(' ')
                        .append(text(h.text()))
                        .append("\n\n");
            } else if (block instanceof Paragraph p) {
                md.append(p.note() ? "> " : "")
                        .append(paragraph(p.text(), p.note()))
                        .append("\n\n");
            } else if (block instanceof Bullets b) {
                b.items().forEach(item -> md.append("- ").append(text(item)).append('\n'));
                md.append('\n');
            } else if (block instanceof Table t) {
                table(md, t);
            } else if (block instanceof Figure f) {
                figure(md, f.chart());
            } else if (block instanceof Details d) {
                md.append("<details><summary>")
                        .append(HtmlText.escape(d.summary()))
                        .append("</summary>\n\n```")
                        .append(d.code().strip().startsWith("{") ? "json" : "text")
                        .append("\n")
                        .append(d.code().strip())
                        .append("\n```\n\n</details>\n\n");
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, Table table) {
        row(md, table.header(), false);
        md.append('|').append(" --- |".repeat(table.header().size())).append('\n');
        for (Row row : table.rows()) {
            row(md, row.cells(), row.highlighted());
        }
        md.append('\n');
    }

    private static void row(StringBuilder md, List<String> cells, boolean bold) {
        md.append('|');
        for (int i = 0; i < cells.size(); i++) {
            String cell = text(cells.get(i)).replace("|", "\\|").replace('\n', ' ');
            md.append(' ').append(bold && i == 0 ? "**" + cell + "**" : cell).append(" |");
        }
        md.append('\n');
    }

    private void figure(StringBuilder md, RenderedChart chart) {
        md.append("![")
                .append(text(chart.title()))
                .append("](")
                .append(filesDir)
                .append('/')
                .append(chart.pngFile())
                .append(")\n\n")
                .append(text(chart.caption()))
                .append(" ([PNG](")
                .append(filesDir)
                .append('/')
                .append(chart.pngFile())
                .append("), [SVG](")
                .append(filesDir)
                .append('/')
                .append(chart.svgFile())
                .append("))\n\n");
    }

    /**
     * A paragraph's text: escaped, with every line kept inside the paragraph (a user's
     * description may start a line with "#" or "-", which would otherwise become a heading or a
     * list), and continued in the quote for notes.
     */
    static String paragraph(String text, boolean quoted) {
        StringBuilder out = new StringBuilder();
        String[] lines = text(text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i > 0) {
                out.append(quoted ? "\n> " : "\n");
            }
            if (!line.isEmpty() && "#>-+=|".indexOf(line.charAt(0)) >= 0) {
                out.append('\\');
            }
            out.append(line);
        }
        return out.toString();
    }

    /**
     * Escapes the characters that would turn plain text into Markdown or HTML: backslash, backtick,
     * asterisk, brackets, and {@code <} where it could open a tag. ({@code _} inside words is
     * literal in CommonMark, and {@code >} only matters at a line start, which plain text here
     * never has.)
     */
    static String text(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : ' ';
            boolean tag = c == '<' && (Character.isLetter(next) || next == '/' || next == '!' || next == '?');
            if (c == '\\' || c == '`' || c == '*' || c == '[' || c == ']' || tag) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
