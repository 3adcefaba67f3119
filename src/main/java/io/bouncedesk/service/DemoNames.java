package io.bouncedesk.service;

import java.util.List;

/** Names, companies and mail domains of the five languages BounceDesk's users work in. */
final class DemoNames {

    private DemoNames() {
    }

    /** One language's people and where they keep their mail. */
    record Language(String code, List<String> firstNames, List<String> lastNames, List<String> mailDomains,
                    List<String> companies) {
    }

    static final List<Language> LANGUAGES = List.of(
            new Language("en",
                    List.of("Oliver", "Amelia", "George", "Isla", "Harry", "Ava", "Jack", "Emily", "Charlie", "Sophie",
                            "Thomas", "Grace", "James", "Lily", "William", "Chloe", "Daniel", "Ella", "Samuel", "Ruby"),
                    List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel",
                            "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall"),
                    List.of("gmail.com", "outlook.com", "yahoo.com", "hotmail.com", "icloud.com", "btinternet.com"),
                    List.of("Harbour Logistics Ltd", "Greenfield Analytics", "Brightside Retail", "Oakridge Consulting")),
            new Language("pl",
                    List.of("Anna", "Piotr", "Katarzyna", "Krzysztof", "Małgorzata", "Tomasz", "Agnieszka", "Paweł",
                            "Magdalena", "Michał", "Joanna", "Łukasz", "Zofia", "Jakub", "Ewa", "Wojciech"),
                    List.of("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski",
                            "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur"),
                    List.of("wp.pl", "onet.pl", "o2.pl", "interia.pl", "gmail.com"),
                    List.of("Przędzalnia Łódź S.A.", "Górskie Szlaki sp. z o.o.", "Zakład Stolarski Wiśniewski",
                            "Bałtyk Transport")),
            new Language("fr",
                    List.of("Camille", "Lucas", "Léa", "Hugo", "Chloé", "Louis", "Manon", "Gabriel", "Inès", "Théo",
                            "Élodie", "Mathis", "Zoé", "Raphaël", "Océane", "Noé"),
                    List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
                            "Moreau", "Lefèvre", "Girard", "Fournier", "Mercier", "Bonnet", "Rousseau"),
                    List.of("orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com"),
                    List.of("Ateliers Rousseau SARL", "Boulangerie Lefèvre & Fils", "Vignobles du Rhône",
                            "Éditions Mercier")),
            new Language("da",
                    List.of("Freja", "William", "Ida", "Noah", "Emma", "Oscar", "Clara", "Magnus", "Sofie", "Mikkel",
                            "Mathilde", "Søren", "Astrid", "Rasmus", "Maja", "Jørgen"),
                    List.of("Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen",
                            "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen"),
                    List.of("mail.dk", "jubii.dk", "gmail.com", "outlook.dk", "hotmail.dk"),
                    List.of("Nordhavn Design ApS", "Fjordens Fiskeri A/S", "Østerbro Cykler", "Skagen Solenergi")),
            new Language("cs",
                    List.of("Jan", "Tereza", "Petr", "Eliška", "Jiří", "Kateřina", "Tomáš", "Lucie", "Martin", "Anna",
                            "Ondřej", "Veronika", "Lukáš", "Barbora", "Jakub", "Zuzana"),
                    List.of("Novák", "Svoboda", "Novotný", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý",
                            "Horák", "Němec", "Pokorný", "Marek", "Růžička", "Beneš", "Fiala"),
                    List.of("seznam.cz", "centrum.cz", "email.cz", "volny.cz", "gmail.com"),
                    List.of("Pivovar Kučera s.r.o.", "Šumavské Dřevo a.s.", "Brněnské Strojírny",
                            "Vinařství Růžička")));

    /** Subjects of the demo's marketing emails, oldest first. */
    static final List<String[]> EMAILS = List.of(
            new String[] {"Spring collection launch", "New season, new trails: the spring collection is here"},
            new String[] {"Newsletter April", "Five routes for your first long walk of the year"},
            new String[] {"Easter offer", "Easter weekend: 20% off rain jackets"},
            new String[] {"Newsletter May", "Packing lists from our guides"},
            new String[] {"Summer sale", "Summer sale starts now: up to 40% off tents"},
            new String[] {"Newsletter June", "Midsummer on the coast: where to camp"},
            new String[] {"Back in stock", "The Fjell 45 backpack is back in stock"},
            new String[] {"Newsletter August", "Late summer hikes and how to prepare"},
            new String[] {"Autumn preview", "First look: insulated jackets for autumn"},
            new String[] {"Newsletter October", "Layering for cold mornings"},
            new String[] {"Black Week", "Black Week: our biggest discounts of the year"},
            new String[] {"Winter sale", "Winter sale: 30% off down jackets"});
}
