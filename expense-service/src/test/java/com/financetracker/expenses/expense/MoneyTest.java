package com.financetracker.expenses.expense;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void currenciesHaveTheirOwnNumberOfDecimals() {
        assertThat(Money.digits("EUR")).isEqualTo(2);
        assertThat(Money.digits("JPY")).isZero();
        assertThat(Money.digits("KWD")).isEqualTo(3);
        // gold has no minor unit of its own
        assertThat(Money.digits("XAU")).isEqualTo(4);
    }

    @Test
    void amountsAreWrittenWithExactlyTheirCurrencysDecimals() {
        assertThat(Money.format(new BigDecimal("12.5"), "EUR")).isEqualTo("12.50");
        assertThat(Money.format(new BigDecimal("12.5000"), "EUR")).isEqualTo("12.50");
        assertThat(Money.format(new BigDecimal("100.0000"), "JPY")).isEqualTo("100");
        assertThat(Money.format(new BigDecimal("1.125"), "KWD")).isEqualTo("1.125");
        assertThat(Money.format(new BigDecimal("1E+12"), "USD")).isEqualTo("1000000000000.00");
        assertThat(Money.format(new BigDecimal("0.1"), "XAU")).isEqualTo("0.1000");
    }

    @Test
    void anAmountIsAboveZeroAtMostATrillionWithNoMoreDecimalsThanItsCurrency() {
        assertThat(Money.problem(new BigDecimal("0.01"), "EUR")).isNull();
        assertThat(Money.problem(Money.MAX_AMOUNT, "EUR")).isNull();
        assertThat(Money.problem(new BigDecimal("7.10"), "EUR")).isNull();
        assertThat(Money.problem(new BigDecimal("7.000"), "JPY")).isNull();
        assertThat(Money.problem(BigDecimal.ZERO, "EUR")).isEqualTo("must be greater than 0");
        assertThat(Money.problem(new BigDecimal("-0.01"), "EUR")).isEqualTo("must be greater than 0");
        assertThat(Money.problem(new BigDecimal("1000000000000.01"), "EUR")).isEqualTo("must not exceed 1000000000000");
        assertThat(Money.problem(new BigDecimal("0.001"), "EUR")).isEqualTo("must have at most 2 decimals in EUR");
        assertThat(Money.problem(new BigDecimal("0.5"), "JPY")).isEqualTo("must be a whole number in JPY");
        assertThat(Money.problem(new BigDecimal("1.1255"), "KWD")).isEqualTo("must have at most 3 decimals in KWD");
    }

    @Test
    void sumsAndAveragesStayExact() {
        BigDecimal total = new BigDecimal("0.10").add(new BigDecimal("0.20"));

        assertThat(Money.format(total, "USD")).isEqualTo("0.30");
        assertThat(Money.problem(total, "USD")).isNull();
    }
}
