package com.financetracker.insights.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptionsTest {

    @Test
    void aMerchantKeyDropsTerminalPrefixesStoreNumbersPlacesAndDates() {
        assertThat(Descriptions.merchantKey("POS WHOLE FOODS MARKET #10234 AUSTIN TX 11/23"))
                .isEqualTo("whole foods market");
        assertThat(Descriptions.merchantKey("SQ *BLUE BOTTLE COFFEE")).isEqualTo("blue bottle coffee");
        assertThat(Descriptions.merchantKey("CARD 4821 PAYPAL *JOE'S DINER 0423"))
                .isEqualTo("joes diner");
        assertThat(Descriptions.merchantKey("Tst* Red Door Grill Brooklyn Ny")).isEqualTo("red door grill");
    }

    @Test
    void wordsThatStartLikeAPrefixAreKept() {
        assertThat(Descriptions.words("POSTAL ANNEX SQUASH CLUB")).containsExactly("postal", "annex", "squash", "club");
    }
}
