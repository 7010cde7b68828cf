package com.financetracker.web.view;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Money, dates and numbers written for one request's locale (the browser's {@code Accept-Language}). Amounts stay
 * {@link BigDecimal} from the API's decimal string to the page: no floating point touches money. One instance per
 * request, so its formatters need no locking.
 */
public final class Formats {

    private final Locale locale;
    private final Map<String, NumberFormat> money = new HashMap<>();
    private final DateTimeFormatter date;
    private final DateTimeFormatter month;
    private final DateTimeFormatter dayOfMonth;

    public Formats(Locale locale) {
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        this.dayOfMonth = DateTimeFormatter.ofPattern("d", locale);
    }

    public Locale locale() {
        return locale;
    }

    /** "€12.50" for en-US, "12,50 €" for de-DE: the currency's own number of decimals. */
    public String money(String amount, String currency) {
        BigDecimal value;
        try {
            value = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            return amount + " " + currency;
        }
        return money(value, currency);
    }

    public String money(BigDecimal amount, String currency) {
        NumberFormat format = money.computeIfAbsent(currency, this::currencyFormat);
        return format.format(amount);
    }

    public String date(@Nullable LocalDate day) {
        return day == null ? "" : date.format(day);
    }

    public String month(YearMonth yearMonth) {
        return month.format(yearMonth);
    }

    public String dayOfMonth(LocalDate day) {
        return dayOfMonth.format(day);
    }

    public String count(long count) {
        return NumberFormat.getIntegerInstance(locale).format(count);
    }

    /** "+12 %" or "−5 %" of {@code now} against {@code before}; empty when there is nothing to compare with. */
    public String change(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return "";
        }
        BigDecimal ratio = now.subtract(before).divide(before, 4, RoundingMode.HALF_EVEN);
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(0);
        String formatted = percent.format(ratio);
        return ratio.signum() > 0 ? "+" + formatted : formatted;
    }

    private NumberFormat currencyFormat(String code) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        try {
            Currency currency = Currency.getInstance(code);
            format.setCurrency(currency);
            int digits = Math.max(0, currency.getDefaultFractionDigits());
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
        } catch (IllegalArgumentException e) {
            // an unknown code: the number with two decimals and the code as the service sent it
            format = NumberFormat.getNumberInstance(locale);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(4);
        }
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format;
    }
}
