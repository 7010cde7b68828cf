package com.financetracker.insights.evaluation;

import com.financetracker.insights.model.Descriptions;
import java.util.LinkedHashMap;
import java.util.Map;

/** The baseline a budgeting app ships: hand-written keywords to default categories, first match wins. */
final class KeywordRules {

    private static final Map<String, String> RULES = new LinkedHashMap<>();

    static {
        rule(
                "Food",
                "market",
                "grocery",
                "foods",
                "bakery",
                "cafe",
                "coffee",
                "starbucks",
                "restaurant",
                "pizza",
                "pizzeria",
                "diner",
                "grill",
                "sushi",
                "kitchen",
                "deli",
                "burger",
                "burgers",
                "mcdonalds",
                "doordash",
                "eats",
                "rewe",
                "aldi",
                "lidl",
                "edeka",
                "tesco",
                "safeway",
                "kroger",
                "sainsburys",
                "bistro",
                "thai",
                "ramen",
                "bbq",
                "taqueria",
                "butcher",
                "dunkin",
                "chipotle",
                "lieferando",
                "deliveroo",
                "espresso",
                "roasters",
                "trader",
                "wholefds",
                "trattoria");
        rule(
                "Transport",
                "uber",
                "lyft",
                "shell",
                "chevron",
                "exxonmobil",
                "aral",
                "fuel",
                "gas",
                "parking",
                "parkmobile",
                "taxi",
                "mta",
                "clipper",
                "tfl",
                "garage",
                "tire",
                "auto",
                "lube",
                "bahn",
                "db");
        rule(
                "Housing",
                "rent",
                "miete",
                "home depot",
                "depot",
                "lowes",
                "ikea",
                "obi",
                "hardware",
                "plumbing",
                "furniture",
                "locksmith",
                "realty",
                "properties",
                "apartments");
        rule(
                "Utilities",
                "electric",
                "water",
                "energy",
                "pg",
                "comcast",
                "xfinity",
                "verizon",
                "at",
                "mobile",
                "vattenfall",
                "telekom",
                "gas co",
                "internet",
                "british");
        rule(
                "Health",
                "pharmacy",
                "cvs",
                "walgreens",
                "dental",
                "clinic",
                "medical",
                "physio",
                "optical",
                "boots",
                "kaiser",
                "fitness",
                "mcfit",
                "drogerie");
        rule(
                "Entertainment",
                "netflix",
                "spotify",
                "hulu",
                "amc",
                "cinema",
                "theater",
                "theatres",
                "steam",
                "steamgames",
                "ticketmaster",
                "bowling",
                "arcade",
                "games",
                "golf",
                "karaoke",
                "brewery");
        rule(
                "Shopping",
                "amazon",
                "amzn",
                "target",
                "walmart",
                "wal",
                "costco",
                "best buy",
                "zara",
                "hm",
                "etsy",
                "ebay",
                "otto",
                "argos",
                "boutique",
                "shoes",
                "apparel",
                "store",
                "outfitters",
                "gifts",
                "electronics",
                "jewelers",
                "florist");
        rule(
                "Travel",
                "delta",
                "united",
                "lufthansa",
                "ryanair",
                "marriott",
                "hilton",
                "airbnb",
                "expedia",
                "booking",
                "hertz",
                "hotel",
                "inn",
                "motel",
                "resort",
                "lodge",
                "tours");
        rule(
                "Education",
                "coursera",
                "udemy",
                "barnes",
                "noble",
                "thalia",
                "waterstones",
                "duolingo",
                "chegg",
                "books",
                "academy",
                "tutoring",
                "school",
                "learning",
                "institute",
                "lessons");
    }

    private KeywordRules() {}

    private static void rule(String category, String... keywords) {
        for (String keyword : keywords) {
            RULES.putIfAbsent(keyword, category);
        }
    }

    /** The default category the first matching keyword names, or "Other". */
    static String categorize(String description) {
        var words = Descriptions.words(description);
        String joined = " " + String.join(" ", words) + " ";
        for (Map.Entry<String, String> rule : RULES.entrySet()) {
            if (joined.contains(" " + rule.getKey() + " ")) {
                return rule.getValue();
            }
        }
        return "Other";
    }
}
