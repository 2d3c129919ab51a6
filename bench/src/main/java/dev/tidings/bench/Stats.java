package dev.tidings.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians, spreads and percentiles, and their formatting. */
final class Stats {
  private Stats() {}

  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    int mid = v.length / 2;
    return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  }

  /** Half the range, relative to the median: {@code (max - min) / 2 / median}. */
  static double spread(List<Double> values) {
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    double median = median(values);
    return median == 0 ? 0 : (max - min) / 2 / Math.abs(median);
  }

  /** The value below which {@code q} of {@code sorted} lies (nearest rank). */
  static long percentile(long[] sorted, int count, double q) {
    if (count == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(q * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, rank))];
  }

  static long[] sortedCopy(long[] values, int count) {
    long[] copy = Arrays.copyOf(values, count);
    Arrays.sort(copy);
    return copy;
  }

  /** {@code 123,456} for throughputs, {@code 1.23} for small figures. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "n/a";
    }
    if (Math.abs(value) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (Math.abs(value) >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (Math.abs(value) >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String percent(double fraction) {
    return Double.isNaN(fraction) ? "n/a" : String.format(Locale.ROOT, "±%.0f%%", fraction * 100);
  }

  static String ratio(double value) {
    return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.2f×", value);
  }

  /** {@code median ±spread} of a list. */
  static String medianSpread(List<Double> values) {
    return number(median(values)) + " " + percent(spread(values));
  }

  /** {@code median ±spread} of a list of ratios. */
  static String ratioSpread(List<Double> values) {
    return ratio(median(values)) + " " + percent(spread(values));
  }
}
