package dev.veracity.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * Assembles the self-contained page: the template with our style sheet and script inlined and the model as JSON in
 * a {@code <script type="application/json">} data block. A Content-Security-Policy allows only our own script and
 * style (by their SHA-256 hashes) and no network, so even markup that got into the page could run nothing.
 */
final class HtmlPage {
    private static final String STYLE = resource("report.css");
    private static final String SCRIPT = resource("report.js");
    private static final String TEMPLATE = resource("report.html");

    private HtmlPage() {}

    /** Writes the page of {@code model} to {@code out} as UTF-8. */
    static void write(ReportModel model, OutputStream out) throws IOException {
        StringWriter json = new StringWriter(1 << 16);
        ReportJson.write(model, json);
        String policy = "default-src 'none'; script-src '" + hash(SCRIPT) + "'; style-src '" + hash(STYLE)
                + "'; img-src data:; base-uri 'none'; form-action 'none'";
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        int data = TEMPLATE.indexOf("@DATA@");
        writer.write(TEMPLATE.substring(0, data).replace("@POLICY@", policy).replace("@STYLE@", STYLE));
        writer.write(json.toString());
        writer.write(TEMPLATE.substring(data + "@DATA@".length()).replace("@SCRIPT@", SCRIPT));
        writer.flush();
    }

    /** {@return the CSP source expression of an inline element's content} */
    static String hash(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the jar: " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!name.endsWith(".html") && text.toLowerCase(Locale.ROOT).contains("</")) {
                // "</" could close the inline element early; our own resources never need it
                throw new IllegalStateException(name + " must not contain \"</\"");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
