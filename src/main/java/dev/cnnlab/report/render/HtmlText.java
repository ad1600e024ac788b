package dev.cnnlab.report.render;

/**
 * Escaping for text placed in HTML: the HTML page's content and attributes, and the few HTML
 * elements the Markdown file carries ({@code <details>}).
 */
final class HtmlText {

    private HtmlText() {}

    /** Escapes text for HTML element content and quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
