package io.github.csp4j.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the report as a PNG with Java2D (headless): one horizontal bar chart per shape, median per
 * implementation on a log scale, csp4j highlighted.
 */
final class Chart {
    private static final int COLUMNS = 3;
    private static final int PANEL_WIDTH = 520;
    private static final int LABEL_WIDTH = 170;
    private static final int VALUE_WIDTH = 60;
    private static final int ROW_HEIGHT = 20;
    private static final int PANEL_HEADER = 44;
    private static final int PANEL_FOOTER = 28;
    private static final int GAP = 16;
    private static final int PAGE_HEADER = 64;

    static final Color CSP4J = new Color(0xE8, 0x71, 0x0A);
    static final Color PEER = new Color(0x5B, 0x7D, 0xB1);
    static final Color FLOOR = new Color(0xC4, 0xC4, 0xC4);
    static final Color GO = new Color(0x00, 0xAD, 0xD8);
    private static final Color TEXT = new Color(0x22, 0x22, 0x22);
    private static final Color MUTED = new Color(0x77, 0x77, 0x77);
    private static final Color GRID = new Color(0xE4, 0xE4, 0xE4);

    private Chart() {
    }

    static void write(List<ResultsReport.Shape> shapes, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<List<ResultsReport.Row>> panels = new ArrayList<>();
        for (ResultsReport.Shape s : shapes) {
            List<ResultsReport.Row> rows = new ArrayList<>(s.rows());
            if (s.go() != null) {
                rows.add(s.go());
            }
            panels.add(rows);
        }
        int rowsOfPanels = Math.max(1, (shapes.size() + COLUMNS - 1) / COLUMNS);
        int[] rowHeights = new int[rowsOfPanels];
        for (int i = 0; i < shapes.size(); i++) {
            rowHeights[i / COLUMNS] = Math.max(rowHeights[i / COLUMNS], panelHeight(panels.get(i).size()));
        }
        int width = GAP + COLUMNS * (PANEL_WIDTH + GAP);
        int height = PAGE_HEADER + GAP;
        for (int h : rowHeights) {
            height += h + GAP;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            header(g, title, width);
            int y = PAGE_HEADER + GAP;
            for (int r = 0; r < rowsOfPanels; r++) {
                for (int c = 0; c < COLUMNS; c++) {
                    int i = r * COLUMNS + c;
                    if (i < shapes.size()) {
                        panel(g, shapes.get(i), panels.get(i), GAP + c * (PANEL_WIDTH + GAP), y, rowHeights[r]);
                    }
                }
                y += rowHeights[r] + GAP;
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", file.toFile());
    }

    private static int panelHeight(int rows) {
        return PANEL_HEADER + rows * ROW_HEIGHT + PANEL_FOOTER;
    }

    private static void header(Graphics2D g, String title, int width) {
        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 20));
        g.drawString(title + " — median per shape, log scale, lower is better", GAP, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        int x = GAP;
        int y = 52;
        x = legend(g, x, y, CSP4J, "csp4j");
        x = legend(g, x, y, PEER, "peer");
        x = legend(g, x, y, FLOOR, "lower limit (not a peer)");
        legend(g, x, y, GO, "Go reference");
    }

    private static int legend(Graphics2D g, int x, int y, Color color, String text) {
        g.setColor(color);
        g.fillRect(x, y - 11, 14, 12);
        g.setColor(TEXT);
        g.drawString(text, x + 20, y);
        return x + 20 + g.getFontMetrics().stringWidth(text) + 24;
    }

    private static void panel(Graphics2D g, ResultsReport.Shape shape, List<ResultsReport.Row> rows,
            int x, int y, int height) {
        g.setColor(new Color(0xFA, 0xFA, 0xFA));
        g.fillRect(x, y, PANEL_WIDTH, height);
        g.setColor(GRID);
        g.drawRect(x, y, PANEL_WIDTH, height);

        g.setColor(TEXT);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(fit(g, shape.info().title(), PANEL_WIDTH - 16), x + 8, y + 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(MUTED);
        g.drawString(shape.info().unit() + " (median)", x + 8, y + 34);

        double min = Double.MAX_VALUE;
        double max = 0;
        for (ResultsReport.Row r : rows) {
            if (r.median() > 0) {
                min = Math.min(min, r.median());
                max = Math.max(max, r.median());
            }
        }
        if (max <= 0) {
            return;
        }
        double lo = Math.pow(10, Math.floor(Math.log10(min * 0.9)));
        double hi = Math.pow(10, Math.ceil(Math.log10(max)));
        if (hi <= lo) {
            hi = lo * 10;
        }
        int barX = x + LABEL_WIDTH;
        int barW = PANEL_WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        int top = y + PANEL_HEADER;
        int bottom = top + rows.size() * ROW_HEIGHT;

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (double d = lo; d <= hi * 1.0001; d *= 10) {
            int gx = scale(d, lo, hi, barX, barW);
            g.setColor(GRID);
            g.drawLine(gx, top - 4, gx, bottom + 2);
            g.setColor(MUTED);
            String t = tick(d);
            g.drawString(t, gx - g.getFontMetrics().stringWidth(t) / 2, bottom + 14);
        }

        for (int i = 0; i < rows.size(); i++) {
            ResultsReport.Row r = rows.get(i);
            int ry = top + i * ROW_HEIGHT;
            boolean csp4j = r.kind() == Shapes.Kind.CSP4J;
            g.setFont(new Font(Font.SANS_SERIF, csp4j ? Font.BOLD : Font.PLAIN, 12));
            g.setColor(TEXT);
            String label = fit(g, r.kind() == Shapes.Kind.GO ? "Go" : r.impl(), LABEL_WIDTH - 14);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(label, barX - 8 - fm.stringWidth(label), ry + 14);
            if (!(r.median() > 0)) {
                g.setColor(MUTED);
                g.drawString("n/a", barX + 4, ry + 14);
                continue;
            }
            int end = scale(r.median(), lo, hi, barX, barW);
            g.setColor(switch (r.kind()) {
                case CSP4J -> CSP4J;
                case PEER -> PEER;
                case FLOOR -> FLOOR;
                case GO -> GO;
            });
            g.fillRect(barX, ry + 3, Math.max(2, end - barX), ROW_HEIGHT - 6);
            if (csp4j) {
                g.setColor(CSP4J.darker());
                g.setStroke(new BasicStroke(1.5f));
                g.drawRect(barX, ry + 3, Math.max(2, end - barX), ROW_HEIGHT - 6);
                g.setStroke(new BasicStroke(1f));
            }
            g.setColor(TEXT);
            g.setFont(new Font(Font.SANS_SERIF, csp4j ? Font.BOLD : Font.PLAIN, 11));
            g.drawString(ResultsReport.fmt(r.median()), end + 4, ry + 14);
        }
    }

    private static int scale(double v, double lo, double hi, int x, int w) {
        double f = (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        return x + (int) Math.round(Math.max(0, Math.min(1, f)) * w);
    }

    private static String tick(double d) {
        if (d >= 1e6) {
            return (long) (d / 1e6) + "M";
        }
        if (d >= 1e3) {
            return (long) (d / 1e3) + "k";
        }
        if (d >= 1) {
            return Long.toString((long) d);
        }
        return ResultsReport.fmt(d);
    }

    private static String fit(Graphics2D g, String s, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
