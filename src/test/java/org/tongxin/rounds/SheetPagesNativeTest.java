package org.tongxin.rounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The household sheets must print in the native executable too (docs/operations.md, "Native
 * executable"). OpenPDF's graphic state holds a {@code java.awt.Color}, so every page initialises
 * that class; in a native image the AWT is supported through Quarkus's AWT extension, which the
 * service therefore carries. Anything more of the AWT (the toolkit, fonts, images, Java2D) would need
 * native libraries and fonts in the runtime image: the sheets draw with PDF operators and RGB
 * integers only. A fresh JVM renders pages with every element a sheet has and logs each class it
 * initialises; the AWT classes among them must be that one {@code Color}, and the extension present.
 */
@Tag("fast")
class SheetPagesNativeTest {

    @Test
    void renderingASheetNeedsOfTheAwtOnlyAColourWhichTheNativeImageGetsFromQuarkusAwt() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xlog:class+init=info", "-cp", System.getProperty("java.class.path"),
                Render.class.getName()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), log.lines().filter(l -> !l.contains("[class,init]")).toList().toString());
        assertTrue(log.contains("rendered %PDF"), "the page was not rendered");
        assertTrue(log.contains("Initializing 'org/openpdf/text/pdf/PdfWriter'"), "the class log is not the one expected");
        List<String> awt = log.lines().filter(l -> l.matches(".*Initializing '(java/awt|sun/awt|sun/java2d|sun/font)/.*"))
                .map(l -> l.replaceAll(".*Initializing '([^']+)'.*", "$1")).toList();
        assertTrue(List.of("java/awt/Color").containsAll(awt), "more of the AWT than a colour while rendering a sheet: " + awt);
        assertTrue(getClass().getClassLoader().getResource("io/quarkus/awt/runtime/graal/AwtFeature.class") != null,
                "OpenPDF needs java.awt.Color: the native image needs quarkus-awt");
    }

    /** Renders two pages (one with a member without a code) in this process; run by the test in a JVM of its own. */
    public static final class Render {
        public static void main(String[] args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<SheetPages.Page> pages = List.of(
                    new SheetPages.Page("tongxin-household:1", "1号楼 101", "一网格", List.of(
                            new SheetPages.Member("王*英", "HS-3301-0000-1111"), new SheetPages.Member("李*", null))),
                    new SheetPages.Page("tongxin-household:2", "1号楼 102", "一网格", List.of(new SheetPages.Member("张*", "HS-2"))));
            SheetPages.write(out, pages.iterator(), pages.size());
            System.out.println("rendered " + new String(out.toByteArray(), 0, 4, StandardCharsets.US_ASCII));
        }
    }
}
