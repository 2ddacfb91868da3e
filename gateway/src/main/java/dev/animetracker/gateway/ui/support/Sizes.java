package dev.animetracker.gateway.ui.support;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/** Human-readable sizes in binary units (KiB, MiB, ...) with the locale's decimal separator. */
public final class Sizes {

  private static final String[] UNITS_EN = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};

  private static final String[] UNITS_RU = {"Б", "КиБ", "МиБ", "ГиБ", "ТиБ", "ПиБ"};

  private Sizes() {}

  /** E.g. {@code 1.5 GiB} in English, {@code 1,5 ГиБ} in Russian; bytes below 1 KiB as is. */
  public static String human(long bytes, Locale locale) {
    String[] units = "ru".equals(locale.getLanguage()) ? UNITS_RU : UNITS_EN;
    if (bytes < 1024) {
      return Math.max(bytes, 0) + "\u00a0" + units[0];
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    DecimalFormat format = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale));
    String number = format.format(value);
    if (number.equals(format.format(1024.0)) && unit < units.length - 1) {
      // 1023.96 MiB rounds to "1024.0": say 1.0 GiB instead.
      number = format.format(1.0);
      unit++;
    }
    return number + "\u00a0" + units[unit];
  }

  /** The exact byte count with the locale's grouping, e.g. {@code 1 234 567}. */
  public static String exact(long bytes, Locale locale) {
    return NumberFormat.getIntegerInstance(locale).format(bytes);
  }
}
