package org.tongxin.rounds;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Draws household sheets: A4, one page per household, streamed page by page to the output (a lane
 * of a thousand households is never held in memory). Each page has the building and room, the page
 * number in lane order, the household's own check-in QR ({@code tongxin-household:<id>}) and, for
 * each member, the name masked and their testing code as a QR code of 3.2 cm — drawn as vector
 * squares (no images, no AWT), so it prints sharp and scans from paper. Text is set in the CJK font
 * STSong-Light, referenced and not embedded (PDF readers and printers bring their own Song face),
 * which keeps a 1,000-page stack small.
 */
final class SheetPages {

    /** What one page shows. {@code code} null: no testing code collected yet. */
    record Member(String nameMasked, String code) {}

    record Page(String householdQr, String place, String title, List<Member> members) {}

    /** Points per centimetre. */
    private static final float CM = 72f / 2.54f;
    private static final float MARGIN = 1.5f * CM;
    /** A member's QR: 3.2 cm, above the 3 cm a station scanner needs from paper. */
    private static final float MEMBER_QR = 3.2f * CM;
    private static final float HOUSEHOLD_QR = 3.2f * CM;
    private static final int COLUMNS = 4;
    private static final float CELL_HEIGHT = MEMBER_QR + 1.3f * CM;

    private SheetPages() {}

    /** Writes {@code total} pages to {@code out}; the stream is left open. */
    static void write(OutputStream out, Iterator<Page> pages, int total) {
        Document doc = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            doc.addTitle("核酸检测户码单");
            doc.addCreator("Tongxin");
            doc.open();
            BaseFont font = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
            int n = 0;
            while (pages.hasNext()) {
                Page page = pages.next();
                if (n > 0) {
                    doc.newPage();
                }
                writer.setPageEmpty(false);
                draw(writer.getDirectContent(), font, page, ++n, total);
            }
            if (n == 0) {
                writer.setPageEmpty(false);
                text(writer.getDirectContent(), font, 14, "没有住户", MARGIN, PageSize.A4.getHeight() - MARGIN - 14, Element.ALIGN_LEFT);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the sheet could not be written", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(PdfContentByte cb, BaseFont font, Page page, int number, int total) {
        float width = PageSize.A4.getWidth();
        float top = PageSize.A4.getHeight() - MARGIN;
        text(cb, font, 11, page.place(), MARGIN, top - 11, Element.ALIGN_LEFT);
        text(cb, font, 22, page.title(), MARGIN, top - 42, Element.ALIGN_LEFT);
        text(cb, font, 11, "核酸检测户码单 · 第 " + number + " 页 / 共 " + total + " 页", MARGIN, top - 62, Element.ALIGN_LEFT);
        text(cb, font, 9, "本户 " + page.members().size() + " 人 · 请按顺序扫码", MARGIN, top - 78, Element.ALIGN_LEFT);
        qr(cb, page.householdQr(), width - MARGIN - HOUSEHOLD_QR, top - HOUSEHOLD_QR, HOUSEHOLD_QR);
        text(cb, font, 8, "到场签到码", width - MARGIN - HOUSEHOLD_QR / 2, top - HOUSEHOLD_QR - 10, Element.ALIGN_CENTER);

        float cellWidth = (width - 2 * MARGIN) / COLUMNS;
        float gridTop = top - HOUSEHOLD_QR - 0.9f * CM;
        List<Member> members = page.members();
        for (int i = 0; i < members.size(); i++) {
            float x = MARGIN + (i % COLUMNS) * cellWidth;
            float y = gridTop - (i / COLUMNS) * CELL_HEIGHT;
            Member m = members.get(i);
            float qrX = x + (cellWidth - MEMBER_QR) / 2;
            if (m.code() != null) {
                qr(cb, m.code(), qrX, y - MEMBER_QR, MEMBER_QR);
            } else {
                cb.setRGBColorStroke(150, 150, 150);
                cb.rectangle(qrX, y - MEMBER_QR, MEMBER_QR, MEMBER_QR);
                cb.stroke();
                text(cb, font, 9, "未登记核酸码", x + cellWidth / 2, y - MEMBER_QR / 2, Element.ALIGN_CENTER);
            }
            text(cb, font, 11, (i + 1) + ". " + (m.nameMasked() == null ? "（姓名无法显示）" : m.nameMasked()), x + cellWidth / 2,
                    y - MEMBER_QR - 14, Element.ALIGN_CENTER);
        }
        if (members.isEmpty()) {
            text(cb, font, 12, "本户尚未登记待检人员", MARGIN, gridTop - 14, Element.ALIGN_LEFT);
        }
    }

    private static void text(PdfContentByte cb, BaseFont font, float size, String s, float x, float y, int align) {
        cb.beginText();
        cb.setRGBColorFill(0, 0, 0);
        cb.setFontAndSize(font, size);
        cb.showTextAligned(align, s, x, y, 0);
        cb.endText();
    }

    /** A QR code of {@code text} as black squares, {@code size} points wide with its quiet zone inside. */
    static void qr(PdfContentByte cb, String text, float x, float y, float size) {
        BitMatrix m = encode(text);
        int quiet = 4;
        float module = size / (m.getWidth() + 2 * quiet);
        cb.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < m.getWidth() && m.get(col, row)) {
                    col++;
                }
                // one rectangle per run of dark modules; rows are drawn top down
                cb.rectangle(x + (quiet + start) * module, y + size - (quiet + row + 1) * module, (col - start) * module, module);
            }
        }
        cb.fill();
    }

    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot be a QR code (" + text.length() + " characters)", e);
        }
    }
}
