package org.tongxin.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Reads a PDF back the way a person and a scanner would: poppler renders each page and extracts its
 * text, zbar decodes every QR code on the rendered pages (installed by deploy/test.sh).
 */
public final class PdfReadBack {

    private PdfReadBack() {}

    public static int pages(Path pdf) {
        return run("pdfinfo", pdf.toString()).lines().filter(l -> l.startsWith("Pages:"))
                .map(l -> Integer.parseInt(l.substring(6).strip())).findFirst().orElseThrow();
    }

    /** The text of page {@code page} (1-based). */
    public static String text(Path pdf, int page) {
        return run("pdftotext", "-f", String.valueOf(page), "-l", String.valueOf(page), "-layout", pdf.toString(), "-");
    }

    /** Every QR code of page {@code page}, decoded, rendered at {@code dpi} (a printer's 300, say). */
    public static List<String> qrCodes(Path pdf, int page, int dpi) {
        try {
            Path dir = Files.createTempDirectory("sheet");
            run("pdftoppm", "-r", String.valueOf(dpi), "-f", String.valueOf(page), "-l", String.valueOf(page), "-png", "-gray",
                    pdf.toString(), dir.resolve("p").toString());
            List<String> codes = new ArrayList<>();
            try (Stream<Path> images = Files.list(dir)) {
                for (Path image : images.toList()) {
                    String out = run("zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", image.toString());
                    out.lines().filter(l -> !l.isEmpty()).forEach(codes::add);
                }
            }
            return codes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command[0] + " took too long");
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(command[0] + " is not installed (deploy/test.sh installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
