package com.financetracker.web.view;

import java.util.Currency;
import java.util.List;

/** The currencies offered first in currency fields; any ISO 4217 code can still be typed. */
public final class Currencies {

    public static final List<String> COMMON = List.of(
            "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "CNY", "HKD", "SGD", "INR", "SEK", "NOK", "DKK",
            "PLN", "CZK", "HUF", "RON", "TRY", "BRL", "MXN", "ZAR", "KRW", "ILS", "AED", "THB", "IDR", "PHP", "UAH");

    /** Every ISO 4217 code the JDK knows, for the default-currency setting. */
    public static final List<String> ALL = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode)
            .sorted()
            .toList();

    private Currencies() {}
}
