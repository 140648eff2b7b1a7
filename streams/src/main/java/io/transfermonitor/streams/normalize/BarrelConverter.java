package io.transfermonitor.streams.normalize;

import java.util.Map;

/**
 * Converts petroleum quantities to barrels: metric tons by the product's barrels-per-ton factor,
 * kilolitres and litres by volume. The factors are configuration ({@code tm.barrels.per.ton},
 * {@code tm.barrels.per.kilolitre}).
 */
public final class BarrelConverter {

  public static final String BARREL = "BARREL";

  private final Map<String, Double> barrelsPerTon;
  private final double barrelsPerKilolitre;

  public BarrelConverter(Map<String, Double> barrelsPerTon, double barrelsPerKilolitre) {
    this.barrelsPerTon = Map.copyOf(barrelsPerTon);
    this.barrelsPerKilolitre = barrelsPerKilolitre;
  }

  /**
   * {@code quantity} of {@code product} given in {@code unit}, in barrels.
   *
   * @throws IllegalArgumentException for a unit other than BARREL, METRIC_TON, KILOLITRE or LITRE,
   *     or tons of a product without a configured factor
   */
  public double toBarrels(double quantity, String unit, String product) {
    return switch (unit) {
      case BARREL -> quantity;
      case "METRIC_TON" -> quantity * perTon(product);
      case "KILOLITRE" -> quantity * barrelsPerKilolitre;
      case "LITRE" -> quantity * barrelsPerKilolitre / 1000.0;
      default -> throw new IllegalArgumentException("unknown unit '" + unit + "'");
    };
  }

  private double perTon(String product) {
    Double factor = barrelsPerTon.get(product);
    if (factor == null) {
      throw new IllegalArgumentException("no barrels-per-ton factor for product '" + product + "'");
    }
    return factor;
  }
}
