package org.tongxin.console;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.tongxin.care.CareDtos.StatusCount;
import org.tongxin.care.CareRequest;
import org.tongxin.order.OrderDtos.HourCount;
import org.tongxin.shift.ShiftDtos.ShiftView;

/**
 * Charts drawn on the server as SVG (docs/console.md): plain shapes with presentation attributes —
 * no script, no style attribute, no library in the browser — so the console's CSP holds and the
 * chart prints as it shows. Every shape carries a {@code <title>} for screen readers and tooltips.
 */
final class ConsoleCharts {

    private static final int WIDTH = 960;
    private static final int LABEL = 140;
    private static final int ROW = 30;
    private static final String FULL = "#2e7d32";
    private static final String SHORT = "#b00020";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private ConsoleCharts() {}

    /** One row per checkpoint across the next 24 hours: each shift a bar, filled by the share of its places taken (green full, red short). */
    static String coverage(List<ConsoleRoster.CheckpointRow> rows, OffsetDateTime now, ZoneId zone) {
        int height = 30 + ROW * Math.max(rows.size(), 1);
        double perMinute = (WIDTH - LABEL - 10) / (24 * 60.0);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"coverage-chart-title\" ")
                .append("width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\"><title id=\"coverage-chart-title\">未来 24 小时各卡点班次的认领情况</title>");
        for (int h = 0; h <= 24; h += 4) {
            double x = LABEL + h * 60 * perMinute;
            svg.append("<line x1=\"").append(fmt(x)).append("\" y1=\"18\" x2=\"").append(fmt(x)).append("\" y2=\"").append(height)
                    .append("\" stroke=\"#c8c8c8\"/><text x=\"").append(fmt(x))
                    .append("\" y=\"12\" font-size=\"11\" text-anchor=\"").append(h == 0 ? "start" : h == 24 ? "end" : "middle")
                    .append("\" fill=\"#4a4a4a\">").append(h == 0 ? "现在 " : "").append(now.plusHours(h).atZoneSameInstant(zone).format(HOUR))
                    .append("</text>");
        }
        int y = 24;
        for (ConsoleRoster.CheckpointRow row : rows) {
            svg.append("<text x=\"0\" y=\"").append(y + 17).append("\" font-size=\"13\" fill=\"#1a1a1a\">").append(escape(row.checkpoint().name()))
                    .append("</text>");
            for (ShiftView s : row.shifts()) {
                OffsetDateTime from = s.startsAt().isBefore(now) ? now : s.startsAt();
                OffsetDateTime to = s.endsAt().isAfter(now.plusHours(24)) ? now.plusHours(24) : s.endsAt();
                double x = LABEL + Duration.between(now, from).toMinutes() * perMinute;
                double w = Math.max(1, Duration.between(from, to).toMinutes() * perMinute - 2);
                double filled = s.capacity() == 0 ? w : w * Math.min(s.taken(), s.capacity()) / s.capacity();
                String color = s.taken() >= s.capacity() ? FULL : SHORT;
                svg.append("<g><title>").append(s.startsAt().atZoneSameInstant(zone).format(HOUR)).append('–')
                        .append(s.endsAt().atZoneSameInstant(zone).format(HOUR)).append("：已认领 ").append(s.taken()).append(" / ")
                        .append(s.capacity()).append("</title><rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 4).append("\" width=\"")
                        .append(fmt(w)).append("\" height=\"20\" fill=\"#ffffff\" stroke=\"").append(color).append("\"/><rect x=\"")
                        .append(fmt(x)).append("\" y=\"").append(y + 4).append("\" width=\"").append(fmt(filled))
                        .append("\" height=\"20\" fill=\"").append(color).append("\"/></g>");
            }
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** Orders per hour of a window, one column per hour from its opening to its closing (hours without orders are zero). */
    static String ordersPerHour(List<HourCount> counts, OffsetDateTime opens, OffsetDateTime closes, ZoneId zone) {
        OffsetDateTime first = opens.atZoneSameInstant(zone).truncatedTo(java.time.temporal.ChronoUnit.HOURS).toOffsetDateTime();
        int hours = (int) Math.max(1, Math.min(72, Duration.between(first, closes).toHours() + 1));
        long[] perHour = new long[hours];
        for (HourCount c : counts) {
            int i = (int) Duration.between(first, c.hour()).toHours();
            if (i >= 0 && i < hours) {
                perHour[i] += c.orders();
            }
        }
        long max = Math.max(1, java.util.Arrays.stream(perHour).max().orElse(1));
        int height = 180;
        double step = (WIDTH - 60.0) / hours;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"orders-chart-title\" ")
                .append("width=\"").append(WIDTH).append("\" height=\"").append(height + 30).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height + 30).append("\"><title id=\"orders-chart-title\">这个时段每小时的订单数</title>")
                .append("<text x=\"0\" y=\"14\" font-size=\"11\" fill=\"#4a4a4a\">").append(max).append("</text>")
                .append("<line x1=\"40\" y1=\"").append(height).append("\" x2=\"").append(WIDTH).append("\" y2=\"").append(height)
                .append("\" stroke=\"#c8c8c8\"/>");
        for (int i = 0; i < hours; i++) {
            double h = (height - 20.0) * perHour[i] / max;
            double x = 44 + i * step;
            String hour = first.plusHours(i).atZoneSameInstant(zone).format(HOUR);
            svg.append("<g><title>").append(hour).append("：").append(perHour[i]).append(" 单</title><rect x=\"").append(fmt(x))
                    .append("\" y=\"").append(fmt(height - h)).append("\" width=\"").append(fmt(Math.max(1, step - 4)))
                    .append("\" height=\"").append(fmt(h)).append("\" fill=\"#0b5cad\"/></g>");
            if (hours <= 24 || i % 4 == 0) {
                svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(height + 16).append("\" font-size=\"11\" fill=\"#4a4a4a\">")
                        .append(hour).append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The community's care requests by status: one bar per status, open ones in the accent colour, closed ones grey. */
    static String careByStatus(List<StatusCount> counts) {
        long max = Math.max(1, counts.stream().mapToLong(StatusCount::count).max().orElse(1));
        int height = 12 + ROW * counts.size();
        double scale = (WIDTH - LABEL - 80.0) / max;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"care-chart-title\" ")
                .append("width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(height).append("\"><title id=\"care-chart-title\">关怀需求按状态</title>");
        int y = 4;
        for (StatusCount c : counts) {
            String label = ConsoleLabels.zh(c.status());
            boolean closed = c.status() == CareRequest.Status.CONFIRMED || c.status() == CareRequest.Status.CANCELLED
                    || c.status() == CareRequest.Status.COMPLETED;
            double w = c.count() * scale;
            svg.append("<g><title>").append(label).append("：").append(c.count()).append("</title><text x=\"0\" y=\"").append(y + 17)
                    .append("\" font-size=\"13\" fill=\"#1a1a1a\">").append(label).append("</text><rect x=\"").append(LABEL)
                    .append("\" y=\"").append(y + 4).append("\" width=\"").append(fmt(Math.max(w, c.count() > 0 ? 2 : 0)))
                    .append("\" height=\"20\" fill=\"").append(closed ? "#757575" : "#0b5cad").append("\"/><text x=\"")
                    .append(fmt(LABEL + w + 6)).append("\" y=\"").append(y + 19).append("\" font-size=\"13\" fill=\"#1a1a1a\">")
                    .append(c.count()).append("</text></g>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
