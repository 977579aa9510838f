package org.ibrasnn.experiments.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts of the reports and tables, rendered by XChart to PNG bytes of {@link #WIDTH} x {@link #HEIGHT}. */
public final class Charts {

    /** Width of every chart in pixels. */
    public static final int WIDTH = 900;
    /** Height of every chart in pixels. */
    public static final int HEIGHT = 500;

    private Charts() {}

    /** One labelled point of a metric-versus-energy chart, the metric in percent. */
    public record Point(String label, double energyMj, double percent) {}

    /**
     * A task's metric against energy per image, one marker per model: up and to the left is better. Each legend entry
     * carries its model's energy, since a log axis over less than a decade may show a single tick label.
     */
    public static byte[] metricVsEnergy(String title, String metric, List<Point> points) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("energy per image (mJ, log scale)").yAxisTitle("test " + metric + " (%)").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(12);
        for (Point p : points) {
            XYSeries s = chart.addSeries(String.format(Locale.ROOT, "%s: %.4g mJ", p.label(), p.energyMj()),
                    new double[] {p.energyMj()}, new double[] {p.percent()});
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return png(chart);
    }

    /** Line chart over epochs, one line per series. */
    public static byte[] lines(String title, String yTitle, List<Integer> x, Map<String, List<Double>> series) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        style(chart.getStyler());
        series.forEach((name, y) -> chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE));
        return png(chart);
    }

    /** Grouped bars: one group per category, one bar per series. */
    public static byte[] bars(String title, String yTitle, List<String> categories, Map<String, List<Double>> series,
                       boolean logY) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle)
                .build();
        style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 6 ? 45 : 0);
        chart.getStyler().setOverlapped(false);
        series.forEach((name, y) -> chart.addSeries(name, categories, y));
        return png(chart);
    }

    /**
     * Precision against recall, one line per entry of {@code precision} (values at the {@code recall} points) in the
     * matching colour of {@code colours}.
     */
    public static byte[] precisionRecall(String title, List<Double> recall, Map<String, List<Double>> precision,
                                         List<Color> colours) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("recall")
                .yAxisTitle("precision").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        int k = 0;
        for (Map.Entry<String, List<Double>> e : precision.entrySet()) {
            XYSeries s = chart.addSeries(e.getKey(), recall, e.getValue());
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(colours.get(k++));
        }
        return png(chart);
    }

    /** PNGs placed side by side on one white canvas. */
    public static byte[] sideBySide(List<byte[]> pngs) {
        try {
            List<BufferedImage> images = new ArrayList<>();
            for (byte[] p : pngs) {
                images.add(ImageIO.read(new ByteArrayInputStream(p)));
            }
            int width = images.stream().mapToInt(BufferedImage::getWidth).sum();
            int height = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
            BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = canvas.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (BufferedImage image : images) {
                g.drawImage(image, x, 0, null);
                x += image.getWidth();
            }
            g.dispose();
            return png(canvas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG bytes of a picture. */
    public static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A data URI for embedding a PNG in HTML. */
    public static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }

    private static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setAntiAlias(true);
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
