package dev.cnnlab.report.render;

import static dev.cnnlab.report.render.HtmlText.escape;

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
import java.util.Base64;

/**
 * Prints a {@link ReportDocument} as one self-contained HTML5 page: inline CSS, charts as
 * {@code data:} PNGs, no scripts, fonts or external resources, so it opens offline and can be
 * mailed as a single file. Tables keep the document's ids; charts are {@code <figure class="chart">}.
 */
public final class HtmlRenderer {

    private static final String CSS = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;margin:0;background:#fff}
            main{max-width:1200px;margin:0 auto;padding:1.5rem 2rem 4rem}
            h1{font-size:1.7rem;margin:.5rem 0 1rem}
            h2{font-size:1.35rem;margin:2.2rem 0 .6rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
            h3{font-size:1.1rem;margin:1.6rem 0 .5rem}
            .scroll{overflow-x:auto;margin:.6rem 0 1rem}
            table{border-collapse:collapse;font-size:.9rem;font-variant-numeric:tabular-nums}
            th,td{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left;vertical-align:top}
            #faithfulness td,#gains td,#reference td{white-space:nowrap}
            th{background:#f6f8fa}
            tr.highlight td{background:#fff8c5;font-weight:600}
            p.note{color:#57606a;border-left:3px solid #d0d7de;padding-left:.8rem}
            figure.chart{margin:1.2rem 0}
            figure.chart img{max-width:100%;height:auto;border:1px solid #d0d7de}
            figcaption{color:#57606a;font-size:.9rem;margin-top:.3rem}
            details{margin:.3rem 0}
            summary{cursor:pointer}
            pre{background:#f6f8fa;padding:.8rem;overflow-x:auto;font-size:.8rem}
            """;

    private HtmlRenderer() {}

    public static String render(ReportDocument document) {
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>")
                .append(escape(document.title()))
                .append("</title>\n")
                // an empty icon: keeps browsers from asking for /favicon.ico
                .append("<link rel=\"icon\" href=\"data:,\">\n")
                .append("<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>")
                .append(escape(document.title()))
                .append("</h1>\n");
        for (Block block : document.blocks()) {
            if (block instanceof Heading h) {
                html.append("<h")
                        .append(h.level())
                        .append(" id=\"")
                        .append(escape(h.id()))
                        .append("\">")
                        .append(escape(h.text()))
                        .append("</h")
                        .append(h.level())
                        .append(">\n");
            } else if (block instanceof Paragraph p) {
                html.append(p.note() ? "<p class=\"note\">" : "<p>")
                        .append(escape(p.text()))
                        .append("</p>\n");
            } else if (block instanceof Bullets b) {
                html.append("<ul>\n");
                b.items()
                        .forEach(
                                item -> html.append("<li>").append(escape(item)).append("</li>\n"));
                html.append("</ul>\n");
            } else if (block instanceof Table t) {
                table(html, t);
            } else if (block instanceof Figure f) {
                figure(html, f.chart());
            } else if (block instanceof Details d) {
                html.append("<details><summary>")
                        .append(escape(d.summary()))
                        .append("</summary><pre>")
                        .append(escape(d.code().strip()))
                        .append("</pre></details>\n");
            }
        }
        return html.append("</main>\n</body>\n</html>\n").toString();
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<div class=\"scroll\"><table id=\"")
                .append(escape(table.id()))
                .append("\" class=\"data\">\n<thead><tr>");
        table.header()
                .forEach(
                        h -> html.append("<th scope=\"col\">").append(escape(h)).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (Row row : table.rows()) {
            html.append(row.highlighted() ? "<tr class=\"highlight\">" : "<tr>");
            row.cells().forEach(c -> html.append("<td>").append(escape(c)).append("</td>"));
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }

    private static void figure(StringBuilder html, RenderedChart chart) {
        html.append("<figure class=\"chart\" id=\"chart-")
                .append(escape(chart.name()))
                .append("\">")
                .append("<img src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(chart.png()))
                .append("\" width=\"")
                .append(ChartFactory.WIDTH)
                .append("\" height=\"")
                .append(ChartFactory.HEIGHT)
                .append("\" alt=\"")
                .append(escape(chart.title()))
                .append("\">")
                .append("<figcaption>")
                .append(escape(chart.caption()))
                .append("</figcaption></figure>\n");
    }
}
