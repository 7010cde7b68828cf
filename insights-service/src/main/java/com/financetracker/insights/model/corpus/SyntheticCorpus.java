package com.financetracker.insights.model.corpus;

import com.financetracker.insights.model.ExpenseText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded, reproducible corpus of labelled expenses over two years, made to be hard: every person has their own
 * merchants (national chains and local shops named from word lists), their own bank's description style (terminal
 * prefixes, processors such as "SQ *" and "PAYPAL *", store numbers, cities, trailing dates and references, upper or
 * mixed case), merchants that span categories (a supermarket is mostly Food and sometimes Shopping, Amazon is
 * Shopping, Education or Entertainment, each person with their own mix), personal category names ("Groceries",
 * "Essen", a "Coffee" or "Kids" category of their own), drift (merchants appear and disappear, habits change
 * half-way), 3 % of labels given carelessly, and injected anomalies labelled as such.
 *
 * <p>The same seed and index always give the same person, whatever the number of people asked for.
 */
public final class SyntheticCorpus {

    /** The first day of the corpus; it spans {@link #DAYS} days. */
    public static final LocalDate START = LocalDate.of(2024, 1, 1);

    public static final int DAYS = 730;

    /** Whether, and how, a row was injected as an anomaly. */
    public enum Injected {
        NONE,
        /** An amount far above what the person usually pays this merchant. */
        UNUSUAL_AMOUNT,
        /** A second charge of the same amount at the same merchant within three days of the first. */
        DUPLICATE,
        /** One of several extra expenses that lift a category's month far above its trend. */
        CATEGORY_SURGE
    }

    /**
     * One labelled expense: {@code category} is the person's own label, {@code defaultCategory} the default category
     * it stands for, {@code merchant} the merchant's true name (which a model never sees).
     */
    public record Expense(
            UUID id, ExpenseText text, String category, String defaultCategory, String merchant, Injected injected) {}

    /** One person's expenses in date order; {@code defaultNames} when they use the default category names only. */
    public record Person(UUID id, boolean defaultNames, List<Expense> expenses) {}

    private SyntheticCorpus() {}

    /** {@code people} people from {@code seed}. */
    public static List<Person> generate(long seed, int people) {
        List<Person> generated = new ArrayList<>(people);
        for (int index = 0; index < people; index++) {
            generated.add(person(seed, index));
        }
        return List.copyOf(generated);
    }

    /** The person at {@code index} of the corpus of {@code seed}. */
    public static Person person(long seed, int index) {
        return new PersonGenerator(new Random(seed * 1_000_003L + index * 0x9E3779B97F4A7C15L)).generate();
    }

    // ---- the merchants -------------------------------------------------------------------------------------------

    private enum Region {
        US("USD"),
        DE("EUR"),
        UK("GBP");

        final String currency;

        Region(String currency) {
            this.currency = currency;
        }
    }

    /**
     * A merchant everyone may know: its spellings on statements ({@code {ref}} becomes a random reference), its
     * typical amount and spread, its categories with their share, the regions it trades in and its traits.
     */
    private record Chain(
            List<String> spellings,
            double median,
            double sigma,
            Map<String, Double> mix,
            String regions,
            String traits) {}

    private static final List<Chain> CHAINS = parseChains("""
            WHOLE FOODS MARKET;WHOLEFDS MKT|60|0.6|Food .85,Shopping .15|US|store grocery
            TRADER JOE'S|45|0.5|Food 1|US|store grocery
            SAFEWAY|55|0.7|Food .8,Shopping .1,Health .1|US|store grocery
            KROGER|55|0.7|Food .8,Shopping .15,Health .05|US|store grocery
            ALDI|40|0.6|Food .9,Shopping .1|US DE UK|store grocery
            LIDL|35|0.6|Food .9,Shopping .1|DE UK|store grocery
            REWE;REWE MARKT GMBH|35|0.7|Food .9,Shopping .1|DE|store grocery
            EDEKA|30|0.7|Food .9,Health .1|DE|store grocery
            TESCO STORES;TESCO EXPRESS|30|0.7|Food .85,Shopping .15|UK|store grocery
            SAINSBURYS|35|0.6|Food .9,Shopping .1|UK|store grocery
            STARBUCKS|6|0.4|Food 1|US DE UK|store cafe
            DUNKIN|5|0.4|Food 1|US|store cafe
            MCDONALD'S|11|0.4|Food 1|US DE UK|store dining
            CHIPOTLE|14|0.3|Food 1|US|store dining
            DD *DOORDASH;DOORDASH*{ref}|32|0.4|Food 1|US|online dining
            UBER *EATS;UBER EATS|30|0.4|Food 1|US UK|online dining
            LIEFERANDO.DE|28|0.4|Food 1|DE|online dining
            DELIVEROO|27|0.4|Food 1|UK|online dining
            UBER *TRIP;UBER TRIP {ref}|19|0.6|Transport .9,Travel .1|US DE UK|online
            LYFT *RIDE;LYFT {ref}|17|0.6|Transport .9,Travel .1|US|online
            SHELL OIL;SHELL|48|0.4|Transport .95,Food .05|US DE UK|store
            CHEVRON|50|0.4|Transport 1|US|store
            EXXONMOBIL|47|0.4|Transport 1|US|store
            ARAL STATION|55|0.4|Transport 1|DE|store
            MTA*NYCT PAYGO|3|0.3|Transport 1|US|online
            CLIPPER SERVICE|25|0.5|Transport 1|US|online
            PARKMOBILE|6|0.5|Transport 1|US|online
            DB VERTRIEB GMBH;DB BAHN {ref}|45|0.8|Transport .6,Travel .4|DE|online
            TFL TRAVEL CH|4|0.5|Transport 1|UK|online
            JIFFY LUBE|70|0.3|Transport 1|US|store
            HOME DEPOT;THE HOME DEPOT|60|0.9|Housing .6,Shopping .4|US|store
            LOWE'S|70|0.9|Housing .7,Shopping .3|US|store
            IKEA|120|0.8|Housing .5,Shopping .5|US DE UK|store
            OBI MARKT|45|0.8|Housing .7,Shopping .3|DE|store
            PG&E WEB ONLINE|95|0.3|Utilities 1|US|online monthly
            COMCAST XFINITY|85|0.1|Utilities 1|US|online monthly
            VERIZON WIRELESS|70|0.1|Utilities 1|US|online monthly
            AT&T BILL PAYMENT|65|0.1|Utilities 1|US|online monthly
            T-MOBILE|55|0.1|Utilities 1|US DE|online monthly
            VATTENFALL EUROPE|80|0.2|Utilities 1|DE|online monthly
            TELEKOM DEUTSCHLAND|45|0.1|Utilities 1|DE|online monthly
            BRITISH GAS|90|0.3|Utilities 1|UK|online monthly
            THAMES WATER|40|0.1|Utilities 1|UK|online monthly
            CVS/PHARMACY;CVS|25|0.8|Health .6,Shopping .25,Food .15|US|store
            WALGREENS|22|0.8|Health .6,Shopping .3,Food .1|US|store
            DM DROGERIE MARKT;DM FIL|20|0.7|Health .5,Shopping .5|DE|store
            BOOTS|18|0.7|Health .6,Shopping .4|UK|store
            KAISER PERMANENTE|35|0.6|Health 1|US|online
            PLANET FITNESS|25|0.05|Health .7,Entertainment .3|US|online monthly
            MCFIT|25|0.05|Health .7,Entertainment .3|DE|online monthly
            NETFLIX.COM|15.49|0.02|Entertainment 1|US DE UK|online monthly
            SPOTIFY;SPOTIFY P{ref}|10.99|0.02|Entertainment 1|US DE UK|online monthly
            HULU|12.99|0.02|Entertainment 1|US|online monthly
            AMC THEATRES|28|0.4|Entertainment 1|US|store
            STEAMGAMES.COM;STEAM PURCHASE|25|0.8|Entertainment .9,Education .1|US DE UK|online
            TICKETMASTER|95|0.6|Entertainment .8,Travel .2|US DE UK|online
            APPLE.COM/BILL|6|0.9|Entertainment .6,Education .2,Shopping .2|US DE UK|online
            AMZN MKTP US*{ref};AMAZON.COM*{ref};AMAZON MKTPLACE PMTS|35|1.0|Shopping .6,Education .12,Entertainment .14,Housing .08,Health .06|US DE UK|online
            TARGET|45|0.8|Shopping .5,Food .4,Housing .1|US|store
            WAL-MART;WALMART SUPERCENTER|50|0.8|Shopping .45,Food .45,Health .1|US|store
            COSTCO WHSE|130|0.6|Food .5,Shopping .4,Housing .1|US UK|store
            BEST BUY|150|0.9|Shopping .9,Entertainment .1|US|store
            ZARA|60|0.5|Shopping 1|US DE UK|store
            H&M|40|0.5|Shopping 1|US DE UK|store
            ETSY.COM|30|0.6|Shopping .8,Other .2|US DE UK|online
            EBAY O*{ref}|40|0.9|Shopping .85,Entertainment .15|US DE UK|online
            OTTO GMBH|70|0.7|Shopping .8,Housing .2|DE|online
            ARGOS|45|0.7|Shopping .8,Housing .2|UK|store
            DELTA AIR {ref}|380|0.5|Travel 1|US|online
            UNITED {ref}|350|0.5|Travel 1|US|online
            LUFTHANSA {ref}|280|0.5|Travel 1|DE|online
            RYANAIR|90|0.5|Travel 1|DE UK|online
            MARRIOTT|220|0.5|Travel 1|US DE UK|store
            HILTON HOTELS|200|0.5|Travel 1|US DE UK|store
            AIRBNB * {ref}|300|0.6|Travel 1|US DE UK|online
            EXPEDIA {ref}|320|0.6|Travel 1|US|online
            BOOKING.COM|250|0.6|Travel 1|US DE UK|online
            HERTZ RENT-A-CAR|210|0.5|Travel .8,Transport .2|US DE UK|store
            COURSERA|49|0.1|Education 1|US DE UK|online
            UDEMY|15|0.5|Education .9,Entertainment .1|US DE UK|online
            BARNES & NOBLE|25|0.6|Education .5,Shopping .3,Entertainment .2|US|store
            THALIA|20|0.6|Education .5,Shopping .3,Entertainment .2|DE|store
            WATERSTONES|20|0.6|Education .5,Shopping .3,Entertainment .2|UK|store
            DUOLINGO|12.99|0.02|Education 1|US DE UK|online monthly
            CHEGG ORDER|20|0.3|Education 1|US|online
            USPS PO {ref}|12|0.7|Other .7,Shopping .3|US|store
            DEUTSCHE POST|8|0.7|Other .8,Shopping .2|DE|store
            ROYAL MAIL|7|0.7|Other .8,Shopping .2|UK|store
            VENMO|40|1.0|Other .6,Food .2,Entertainment .2|US|online
            PAYPAL *{ref}|35|1.0|Shopping .5,Other .3,Entertainment .2|US DE UK|online
            ATM FEE|3|0.2|Other 1|US DE UK|online
            DMV|60|0.5|Other .6,Transport .4|US|online
            RED CROSS DONATION|50|0.5|Other 1|US DE UK|online
            """);

    private static List<Chain> parseChains(String table) {
        List<Chain> chains = new ArrayList<>();
        for (String line : table.strip().split("\n")) {
            String[] cells = line.strip().split("\\|");
            Map<String, Double> mix = new LinkedHashMap<>();
            for (String share : cells[3].split(",")) {
                String[] parts = share.strip().split(" ");
                mix.put(parts[0], Double.parseDouble(parts[1]));
            }
            chains.add(new Chain(
                    List.of(cells[0].split(";")),
                    Double.parseDouble(cells[1]),
                    Double.parseDouble(cells[2]),
                    mix,
                    cells[4],
                    cells[5]));
        }
        return List.copyOf(chains);
    }

    /** Kinds of local business: the default category, its trait, typical amount and spread, then the nouns. */
    private static final List<String[]> LOCAL_KINDS = List.of(
            new String[] {"Food", "grocery", "30", "0.6", "MARKET", "GROCERY", "BAKERY", "BUTCHER", "DELI", "FARM STAND"
            },
            new String[] {
                "Food",
                "dining",
                "28",
                "0.5",
                "DINER",
                "PIZZERIA",
                "GRILL",
                "BISTRO",
                "TAQUERIA",
                "SUSHI",
                "NOODLE HOUSE",
                "KITCHEN",
                "BURGERS",
                "THAI",
                "RAMEN",
                "BBQ",
                "TRATTORIA"
            },
            new String[] {"Food", "cafe", "5", "0.4", "CAFE", "COFFEE", "ESPRESSO BAR", "ROASTERS", "TEA HOUSE"},
            new String[] {"Transport", "", "90", "0.9", "AUTO REPAIR", "GARAGE", "TIRE", "PARKING", "CAR WASH", "TAXI"},
            new String[] {
                "Housing",
                "",
                "110",
                "0.9",
                "HARDWARE",
                "PLUMBING",
                "FURNITURE",
                "LOCKSMITH",
                "HOME SERVICES",
                "LANDSCAPING",
                "CLEANING"
            },
            new String[] {"Health", "", "60", "0.8", "PHARMACY", "DENTAL", "CLINIC", "PHYSIO", "OPTICAL", "MEDICAL"},
            new String[] {
                "Entertainment",
                "",
                "30",
                "0.6",
                "CINEMA",
                "BOWLING",
                "THEATER",
                "ARCADE",
                "GAMES",
                "BREWERY",
                "GOLF",
                "COMEDY CLUB",
                "KARAOKE",
                "RECORDS"
            },
            new String[] {
                "Shopping",
                "",
                "55",
                "0.8",
                "BOUTIQUE",
                "OUTFITTERS",
                "SHOES",
                "GIFTS",
                "ELECTRONICS",
                "APPAREL",
                "STORE",
                "SUPPLY",
                "JEWELERS",
                "FLORIST"
            },
            new String[] {"Shopping", "pets", "40", "0.6", "PET SUPPLY", "PET SHOP"},
            new String[] {"Travel", "", "160", "0.6", "HOTEL", "INN", "MOTEL", "RESORT", "TOURS", "LODGE"},
            new String[] {
                "Education",
                "",
                "70",
                "0.7",
                "BOOKS",
                "ACADEMY",
                "TUTORING",
                "SCHOOL",
                "LEARNING CENTER",
                "LANGUAGE INSTITUTE",
                "MUSIC LESSONS"
            },
            new String[] {"Other", "", "40", "0.7", "DRY CLEANERS", "SALON", "TAX SERVICE", "STORAGE", "BARBER"},
            new String[] {"Other", "pets", "80", "0.7", "VETERINARY", "ANIMAL HOSPITAL"});

    private static final List<String> LOCAL_WORDS = List.of(
            "SMITH",
            "GARCIA",
            "MAPLE",
            "OAK",
            "GOLDEN",
            "BLUE",
            "SUNSET",
            "HARBOR",
            "MAIN ST",
            "ELM",
            "JOE'S",
            "ROSA'S",
            "LUCKY",
            "PACIFIC",
            "UNION",
            "GREEN",
            "CORNER",
            "VILLAGE",
            "RIVERSIDE",
            "LINDEN",
            "MUELLER",
            "SCHMIDT",
            "KOENIG",
            "PATEL",
            "NGUYEN",
            "KIM'S",
            "O'BRIEN",
            "FOX",
            "STAR",
            "NORTH",
            "SOUTHSIDE",
            "HILLTOP",
            "LAKE",
            "PINE",
            "CEDAR",
            "SILVER",
            "RED DOOR",
            "BRIGHT",
            "URBAN",
            "OLD TOWN",
            "PARKSIDE",
            "MILL",
            "BAY",
            "SUMMIT",
            "ALPINE",
            "CROWN",
            "ROYAL",
            "HAPPY",
            "LITTLE",
            "BIG SKY",
            "TONY'S",
            "MARIA'S",
            "AL'S",
            "ANNA'S",
            "LEO'S",
            "KAI",
            "ZEN",
            "NOVA",
            "ATLAS",
            "IRIS",
            "ORCHID",
            "WILLOW",
            "ASPEN",
            "FALCON",
            "BEACON",
            "HAVEN");

    /** Names that tell nothing about the business behind them. */
    private static final List<String> OPAQUE_SUFFIXES =
            List.of("LLC", "INC", "CO", "GROUP", "ENTERPRISES", "& SONS", "HOLDINGS", "GMBH", "LTD", "SERVICES");

    private static final Map<Region, List<String>> CITIES = Map.of(
            Region.US,
            List.of(
                    "AUSTIN TX",
                    "SAN FRANCISCO CA",
                    "BROOKLYN NY",
                    "SEATTLE WA",
                    "CHICAGO IL",
                    "DENVER CO",
                    "PORTLAND OR",
                    "BOSTON MA",
                    "MIAMI FL",
                    "OAKLAND CA"),
            Region.DE,
            List.of("BERLIN", "HAMBURG", "MUENCHEN", "KOELN", "FRANKFURT", "LEIPZIG", "STUTTGART", "BREMEN"),
            Region.UK,
            List.of("LONDON GB", "MANCHESTER GB", "LEEDS GB", "BRISTOL GB", "GLASGOW GB", "LIVERPOOL GB"));

    private static final Map<String, List<String>> RENAMES = Map.of(
            "Food", List.of("Groceries", "Essen", "Food & Drink", "Lebensmittel"),
            "Transport", List.of("Car", "Commute", "Auto", "Transportation"),
            "Housing", List.of("Rent", "Home", "Wohnen"),
            "Utilities", List.of("Bills", "Nebenkosten"),
            "Health", List.of("Medical", "Gesundheit", "Wellbeing"),
            "Entertainment", List.of("Fun", "Leisure", "Freizeit"),
            "Shopping", List.of("Stuff", "Einkaufen", "Household"),
            "Travel", List.of("Vacation", "Holidays", "Urlaub"),
            "Education", List.of("Learning", "Books", "Bildung"),
            "Other", List.of("Misc", "Sonstiges", "Everything else"));

    private static final List<String> DEFAULT_NAMES = List.copyOf(new java.util.TreeSet<>(RENAMES.keySet()));

    private static final Map<String, Double> OFF_CATEGORY_AMOUNT = Map.of(
            "Food", 1.0,
            "Shopping", 0.7,
            "Housing", 1.6,
            "Health", 0.5,
            "Education", 0.8,
            "Entertainment", 0.6,
            "Other", 0.5,
            "Travel", 2.0,
            "Transport", 1.0,
            "Utilities", 1.0);

    /** A merchant as one person knows it. */
    private static final class Merchant {
        String name = "";
        String spelling = "";
        List<String> spellings = List.of();
        String processor = "";
        String store = "";
        boolean online;
        boolean monthly;
        /** Visited once or twice: a restaurant on a trip, a shop never seen again. */
        boolean oneOff;

        String trait = "";
        Map<String, Double> mix = Map.of();
        double median;
        double sigma;
        double perMonth;
        int firstDay;
        int lastDay;
        int dayOfMonth;
    }

    private static final class PersonGenerator {

        private final Random random;
        private final Region region;
        private final String city;
        private final String bankPrefix;
        private final int caseStyle;
        private final double dateSuffixChance;
        private final boolean dayFirstDates;
        private final double cityChance;
        private final boolean defaultNames;
        private final Map<String, String> renames = new HashMap<>();
        private final boolean splitFood;
        private final boolean coffee;
        private final boolean pets;
        private final boolean kids;
        private final boolean subscriptions;
        /** A habit that changes half-way: from {@code driftDay} on, {@code driftMerchant} goes to {@code driftTo}. */
        private int driftDay = Integer.MAX_VALUE;

        private String driftMerchant = "";
        private String driftTo = "";
        private boolean coffeeFromDrift;
        private final List<Merchant> merchants = new ArrayList<>();

        PersonGenerator(Random random) {
            this.random = random;
            double r = random.nextDouble();
            region = r < 0.55 ? Region.US : r < 0.8 ? Region.DE : Region.UK;
            city = pick(CITIES.get(region));
            bankPrefix = pick(List.of(
                    "",
                    "",
                    "POS ",
                    "POS DEBIT ",
                    "CRD ",
                    "CARD " + (1000 + random.nextInt(9000)) + " ",
                    "VISA ",
                    "DEBIT CARD PURCHASE - ",
                    region == Region.DE ? "EC " : "CHECKCARD "));
            caseStyle = random.nextInt(10);
            dateSuffixChance = pick(List.of(0.0, 0.0, 0.5, 1.0));
            dayFirstDates = region != Region.US;
            cityChance = pick(List.of(0.0, 0.7, 1.0));
            defaultNames = random.nextDouble() < 0.55;
            if (!defaultNames) {
                for (Map.Entry<String, List<String>> rename : new java.util.TreeMap<>(RENAMES).entrySet()) {
                    if (random.nextDouble() < 0.4) {
                        renames.put(rename.getKey(), pick(rename.getValue()));
                    }
                }
            }
            splitFood = !defaultNames && random.nextDouble() < 0.35;
            coffee = !defaultNames && random.nextDouble() < 0.25;
            pets = !defaultNames && random.nextDouble() < 0.5;
            kids = !defaultNames && random.nextDouble() < 0.15;
            subscriptions = !defaultNames && random.nextDouble() < 0.2;
        }

        Person generate() {
            UUID id = uuid();
            chooseMerchants();
            if (random.nextDouble() < 0.3) {
                driftDay = DAYS / 2 + random.nextInt(DAYS / 3);
                List<Merchant> mixed =
                        merchants.stream().filter(m -> m.mix.size() > 1).toList();
                if (!defaultNames && !coffee && random.nextBoolean()) {
                    coffeeFromDrift = true;
                } else if (!mixed.isEmpty()) {
                    Merchant merchant = pick(mixed);
                    driftMerchant = merchant.name;
                    List<String> others = new ArrayList<>(merchant.mix.keySet());
                    driftTo = others.get(1 + random.nextInt(others.size() - 1));
                }
            }
            List<Expense> expenses = new ArrayList<>();
            for (Merchant merchant : merchants) {
                expenses.addAll(visits(merchant));
            }
            expenses.sort(Comparator.comparing((Expense e) -> e.text().date()));
            injectAnomalies(expenses);
            expenses.sort(Comparator.comparing((Expense e) -> e.text().date()));
            return new Person(id, defaultNames, List.copyOf(expenses));
        }

        private void chooseMerchants() {
            List<Chain> available = CHAINS.stream()
                    .filter(chain -> chain.regions().contains(region.name()))
                    .toList();
            int chains = 14 + random.nextInt(12);
            List<Chain> shuffled = new ArrayList<>(available);
            java.util.Collections.shuffle(shuffled, random);
            for (Chain chain : shuffled.subList(0, Math.min(chains, shuffled.size()))) {
                merchants.add(fromChain(chain));
            }
            int locals = 8 + random.nextInt(20);
            for (int i = 0; i < locals; i++) {
                merchants.add(local());
            }
            int oneOffs = 40 + random.nextInt(100);
            for (int i = 0; i < oneOffs; i++) {
                Merchant merchant = local();
                merchant.oneOff = true;
                merchant.firstDay = random.nextInt(DAYS - 5);
                merchants.add(merchant);
            }
            Merchant rent = new Merchant();
            rent.name = "RENT";
            rent.spellings = List.of(pick(
                            List.of("RENT PAYMENT", "ACH RENT ", "MIETE ", "ZELLE TO ", "STANDING ORDER "))
                    + pick(LOCAL_WORDS) + " " + pick(List.of("PROPERTIES", "REALTY", "APARTMENTS", "HAUSVERWALTUNG")));
            rent.online = true;
            rent.monthly = true;
            rent.mix = Map.of("Housing", 1.0);
            rent.median = 700 + random.nextInt(1800);
            rent.sigma = 0.0;
            rent.firstDay = 0;
            rent.lastDay = DAYS;
            rent.dayOfMonth = 1;
            merchants.add(rent);
        }

        private Merchant fromChain(Chain chain) {
            Merchant merchant = new Merchant();
            merchant.name = chain.spellings().getFirst();
            merchant.spellings = chain.spellings();
            merchant.online = chain.traits().contains("online");
            merchant.monthly = chain.traits().contains("monthly");
            merchant.trait = chain.traits().contains("grocery")
                    ? "grocery"
                    : chain.traits().contains("cafe") ? "cafe" : chain.traits().contains("dining") ? "dining" : "";
            if (chain.traits().contains("store") && random.nextDouble() < 0.6) {
                merchant.store = String.format(Locale.ROOT, "#%04d", random.nextInt(10_000));
            }
            merchant.mix = personalMix(chain.mix());
            merchant.median = chain.median() * (merchant.monthly ? 1 : Math.exp(0.3 * random.nextGaussian()));
            merchant.sigma = chain.sigma();
            schedule(merchant);
            return merchant;
        }

        private Merchant local() {
            String[] kind = pick(LOCAL_KINDS);
            Merchant merchant = new Merchant();
            String noun = kind[4 + random.nextInt(kind.length - 4)];
            String word = pick(LOCAL_WORDS);
            merchant.name = random.nextDouble() < 0.2 ? word + " " + pick(OPAQUE_SUFFIXES) : word + " " + noun;
            merchant.spellings = List.of(merchant.name);
            merchant.processor = pick(List.of("", "", "", "SQ *", "TST* ", "PAYPAL *", "SP * "));
            merchant.trait = kind[1];
            Map<String, Double> mix = new LinkedHashMap<>();
            mix.put(kind[0], 1.0);
            if (random.nextDouble() < 0.15) {
                mix.put(kind[0], 0.8);
                mix.put(pick(DEFAULT_NAMES), 0.2);
            }
            merchant.mix = mix;
            merchant.median = Double.parseDouble(kind[2]) * Math.exp(0.4 * random.nextGaussian());
            merchant.sigma = Double.parseDouble(kind[3]);
            schedule(merchant);
            return merchant;
        }

        /** Each person has their own habits with a merchant that spans categories. */
        private Map<String, Double> personalMix(Map<String, Double> mix) {
            if (mix.size() == 1) {
                return mix;
            }
            Map<String, Double> personal = new LinkedHashMap<>();
            if (random.nextDouble() < 0.2) {
                double r = random.nextDouble();
                for (Map.Entry<String, Double> share : mix.entrySet()) {
                    r -= share.getValue();
                    if (r <= 0) {
                        personal.put(share.getKey(), 1.0);
                        return personal;
                    }
                }
                personal.put(mix.keySet().iterator().next(), 1.0);
                return personal;
            }
            double power = 0.5 + 1.5 * random.nextDouble();
            mix.forEach((category, share) -> personal.put(category, Math.pow(share, power)));
            return personal;
        }

        private void schedule(Merchant merchant) {
            double r = random.nextDouble();
            merchant.firstDay = r < 0.6 ? 0 : random.nextInt(DAYS - 60);
            merchant.lastDay = random.nextDouble() < 0.2 ? merchant.firstDay + 60 + random.nextInt(DAYS) : DAYS;
            merchant.dayOfMonth = 1 + random.nextInt(28);
            String category = merchant.mix.keySet().iterator().next();
            double base = switch (merchant.trait) {
                case "cafe" -> 6;
                case "grocery" -> 3.5;
                case "dining" -> 2.5;
                default ->
                    switch (category) {
                        case "Transport" -> 2;
                        case "Travel" -> 0.25;
                        case "Education", "Other" -> 0.4;
                        case "Housing", "Health" -> 0.5;
                        default -> 1;
                    };
            };
            merchant.perMonth = base * Math.exp(0.6 * random.nextGaussian());
        }

        private List<Expense> visits(Merchant merchant) {
            List<Expense> visits = new ArrayList<>();
            int last = Math.min(DAYS, merchant.lastDay);
            if (merchant.monthly) {
                LocalDate first = START.plusDays(merchant.firstDay);
                double amount = merchant.median;
                for (YearMonth month = YearMonth.from(first);
                        !month.atDay(1).isAfter(START.plusDays(last - 1));
                        month = month.plusMonths(1)) {
                    LocalDate date = month.atDay(Math.min(merchant.dayOfMonth, month.lengthOfMonth()));
                    if (date.isBefore(first) || !date.isBefore(START.plusDays(last))) {
                        continue;
                    }
                    if (random.nextDouble() < 0.04) {
                        amount *= 1.1; // a price rise
                    }
                    double billed = merchant.sigma == 0.02 || merchant.sigma == 0.0
                            ? amount
                            : amount * Math.exp(merchant.sigma * random.nextGaussian());
                    visits.add(expense(merchant, date, billed, Injected.NONE));
                }
                return visits;
            }
            if (merchant.oneOff) {
                int visitsThere = random.nextDouble() < 0.3 ? 2 : 1;
                for (int i = 0; i < visitsThere; i++) {
                    double amount = merchant.median * Math.exp(merchant.sigma * random.nextGaussian());
                    visits.add(expense(merchant, START.plusDays(merchant.firstDay + 2 * i), amount, Injected.NONE));
                }
                return visits;
            }
            double perDay = merchant.perMonth / 30.4;
            for (int day = merchant.firstDay; day < last; day++) {
                if (random.nextDouble() < perDay) {
                    // a café's menu has a few prices, so the same amount twice in three days is ordinary there
                    double amount = merchant.trait.equals("cafe")
                            ? merchant.median * pick(List.of(0.7, 0.85, 1.0, 1.0, 1.2))
                            : merchant.median * Math.exp(merchant.sigma * random.nextGaussian());
                    visits.add(expense(merchant, START.plusDays(day), amount, Injected.NONE));
                }
            }
            return visits;
        }

        private Expense expense(Merchant merchant, LocalDate date, double amount, Injected injected) {
            String defaultCategory = sample(merchant.mix);
            double scaled =
                    defaultCategory.equals(merchant.mix.keySet().iterator().next())
                            ? amount
                            : amount * OFF_CATEGORY_AMOUNT.getOrDefault(defaultCategory, 1.0);
            return expense(merchant, date, money(scaled), defaultCategory, injected);
        }

        private Expense expense(
                Merchant merchant, LocalDate date, BigDecimal amount, String defaultCategory, Injected injected) {
            String currency = region.currency;
            if (defaultCategory.equals("Travel") && random.nextDouble() < 0.3) {
                currency = region == Region.US ? "EUR" : "USD";
            }
            ExpenseText text = new ExpenseText(describe(merchant, date), amount, currency, date);
            return new Expense(
                    uuid(), text, label(merchant, defaultCategory, date), defaultCategory, merchant.name, injected);
        }

        private String describe(Merchant merchant, LocalDate date) {
            StringBuilder text = new StringBuilder(bankPrefix);
            text.append(merchant.processor);
            String spelling = merchant.spellings.size() == 1 || random.nextDouble() < 0.8
                    ? merchant.spellings.getFirst()
                    : pick(merchant.spellings);
            text.append(spelling.replace("{ref}", reference()));
            if (!merchant.store.isEmpty()) {
                text.append(' ').append(merchant.store);
            }
            if (!merchant.online && random.nextDouble() < cityChance) {
                text.append(' ').append(random.nextDouble() < 0.9 ? city : pick(CITIES.get(region)));
            }
            if (random.nextDouble() < dateSuffixChance) {
                text.append(' ')
                        .append(
                                dayFirstDates
                                        ? String.format(
                                                Locale.ROOT, "%02d.%02d", date.getDayOfMonth(), date.getMonthValue())
                                        : String.format(
                                                Locale.ROOT, "%02d/%02d", date.getMonthValue(), date.getDayOfMonth()));
            }
            if (random.nextDouble() < 0.1) {
                text.append(" REF ").append(reference());
            }
            String description = text.toString().strip();
            if (caseStyle < 6) {
                return description.toUpperCase(Locale.ROOT);
            }
            if (caseStyle < 9) {
                return titleCase(description);
            }
            return description.toLowerCase(Locale.ROOT);
        }

        /** The person's own label for an expense of a default category. */
        private String label(Merchant merchant, String defaultCategory, LocalDate date) {
            int day = (int) (date.toEpochDay() - START.toEpochDay());
            String category = defaultCategory;
            if (day >= driftDay && merchant.name.equals(driftMerchant)) {
                category = driftTo;
            }
            if (random.nextDouble() < 0.03) {
                category = pick(DEFAULT_NAMES);
            }
            if (kids
                    && (category.equals("Shopping") || category.equals("Education") || category.equals("Health"))
                    && random.nextDouble() < 0.25) {
                return "Kids";
            }
            if (subscriptions && merchant.monthly && !category.equals("Utilities") && !merchant.name.equals("RENT")) {
                return "Subscriptions";
            }
            if (merchant.trait.equals("cafe")
                    && category.equals("Food")
                    && (coffee || (coffeeFromDrift && day >= driftDay))) {
                return "Coffee";
            }
            if (pets && merchant.trait.equals("pets")) {
                return "Pets";
            }
            if (splitFood && category.equals("Food") && !merchant.trait.equals("grocery")) {
                return "Restaurants";
            }
            if (splitFood && category.equals("Food")) {
                return "Groceries";
            }
            return renames.getOrDefault(category, category);
        }

        // ---- anomalies -------------------------------------------------------------------------------------------

        private void injectAnomalies(List<Expense> expenses) {
            Map<String, List<Expense>> byMerchant = new LinkedHashMap<>();
            for (Expense expense : expenses) {
                byMerchant
                        .computeIfAbsent(expense.merchant(), key -> new ArrayList<>())
                        .add(expense);
            }
            Map<String, Merchant> merchantsByName = new HashMap<>();
            merchants.forEach(merchant -> merchantsByName.put(merchant.name, merchant));
            List<String> frequent = byMerchant.entrySet().stream()
                    .filter(entry -> entry.getValue().size() >= 12 && !merchantsByName.get(entry.getKey()).monthly)
                    .map(Map.Entry::getKey)
                    .toList();
            List<Expense> injected = new ArrayList<>();
            for (int i = 0; i < 3 && !frequent.isEmpty(); i++) {
                List<Expense> history = byMerchant.get(pick(frequent));
                Expense typical = history.get(8 + random.nextInt(history.size() - 8));
                double median = history.stream()
                        .mapToDouble(e -> e.text().amount().doubleValue())
                        .sorted()
                        .skip(history.size() / 2)
                        .findFirst()
                        .orElse(1);
                Merchant merchant = merchantsByName.get(typical.merchant());
                injected.add(expense(
                        merchant,
                        typical.text().date().plusDays(1),
                        money(median * (5 + 7 * random.nextDouble())),
                        typical.defaultCategory(),
                        Injected.UNUSUAL_AMOUNT));
            }
            List<Expense> ordinary = expenses.stream()
                    .filter(e -> !merchantsByName.get(e.merchant()).monthly)
                    .toList();
            for (int i = 0; i < 3 && !ordinary.isEmpty(); i++) {
                Expense original = pick(ordinary);
                Merchant merchant = merchantsByName.get(original.merchant());
                Expense copy = expense(
                        merchant,
                        original.text().date().plusDays(random.nextInt(4)),
                        original.text().amount(),
                        original.defaultCategory(),
                        Injected.DUPLICATE);
                injected.add(new Expense(
                        copy.id(),
                        new ExpenseText(
                                copy.text().description(),
                                original.text().amount(),
                                original.text().currency(),
                                copy.text().date()),
                        original.category(),
                        original.defaultCategory(),
                        original.merchant(),
                        Injected.DUPLICATE));
            }
            injectSurge(expenses, merchantsByName, injected);
            expenses.addAll(injected);
        }

        /** Extra expenses that take one category's month to about three times its usual spending. */
        private void injectSurge(List<Expense> expenses, Map<String, Merchant> merchantsByName, List<Expense> into) {
            YearMonth month = YearMonth.from(START).plusMonths(8 + random.nextInt(14));
            String category = pick(List.of("Food", "Shopping", "Entertainment", "Transport"));
            List<Merchant> candidates = merchants.stream()
                    .filter(m -> !m.monthly
                            && !m.oneOff
                            && m.mix.keySet().iterator().next().equals(category))
                    .filter(m -> m.firstDay <= month.atDay(1).toEpochDay() - START.toEpochDay())
                    .toList();
            if (candidates.isEmpty()) {
                return;
            }
            double before = expenses.stream()
                    .filter(e -> e.defaultCategory().equals(category)
                            && YearMonth.from(e.text().date()).isBefore(month)
                            && !YearMonth.from(e.text().date()).isBefore(month.minusMonths(6)))
                    .mapToDouble(e -> e.text().amount().doubleValue())
                    .sum();
            double monthly = Math.max(before / 6, 50);
            double added = 0;
            // ordinary amounts at the person's own merchants, only many more of them
            for (int rows = 0; added < 2 * monthly && rows < 60; rows++) {
                Merchant merchant = pick(candidates);
                LocalDate date = month.atDay(1 + random.nextInt(20));
                double amount = merchant.median * Math.exp(merchant.sigma * random.nextGaussian());
                Expense surge = expense(merchant, date, money(amount), category, Injected.CATEGORY_SURGE);
                into.add(surge);
                added += amount;
            }
        }

        // ---- little helpers --------------------------------------------------------------------------------------

        private String sample(Map<String, Double> mix) {
            double total =
                    mix.values().stream().mapToDouble(Double::doubleValue).sum();
            double r = random.nextDouble() * total;
            for (Map.Entry<String, Double> share : mix.entrySet()) {
                r -= share.getValue();
                if (r <= 0) {
                    return share.getKey();
                }
            }
            return mix.keySet().iterator().next();
        }

        private String reference() {
            String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
            StringBuilder reference = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                reference.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (Character.isLetter(reference.charAt(0)) && reference.chars().noneMatch(Character::isDigit)) {
                reference.setCharAt(5, '7');
            }
            return reference.toString();
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }

        private UUID uuid() {
            return new UUID(random.nextLong(), random.nextLong());
        }
    }

    private static BigDecimal money(double amount) {
        return BigDecimal.valueOf(Math.max(amount, 0.5)).setScale(2, RoundingMode.HALF_UP);
    }

    private static String titleCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean start = true;
        for (char c : text.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c) && c != '\'';
        }
        return out.toString();
    }
}
