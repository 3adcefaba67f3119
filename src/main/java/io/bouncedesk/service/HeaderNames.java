package io.bouncedesk.service;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words people put in CSV headers, in the product's languages (English, Polish, Czech,
 * French, Danish, plus German and Dutch because such files travel). Headers are compared in a
 * normalised form (lower case, accents and punctuation dropped), so "E-mail", "e_mail" and
 * "Adresse e-mail" compare as plain words.
 */
final class HeaderNames {

    static final Set<String> EMAIL = Set.of("email", "emails", "mail", "emailaddress", "mailaddress", "emailadres",
            "adresemail", "adresmailowy", "emailadresa", "emailovaadresa", "adresa", "courriel", "adressecourriel",
            "adresseemail", "adressemail", "adresseelectronique", "emailadresse", "mailadresse", "epost",
            "epostadresse", "address", "adres", "adresse", "emailaddresses", "mailadres");
    static final Set<String> FIRST_NAME = Set.of("firstname", "first", "fname", "givenname", "forename", "jmeno",
            "krestnijmeno", "imie", "prenom", "fornavn", "vorname", "voornaam", "nombre");
    static final Set<String> LAST_NAME = Set.of("lastname", "last", "lname", "surname", "familyname", "prijmeni",
            "nazwisko", "nom", "nomdefamille", "efternavn", "nachname", "achternaam", "apellido", "apellidos");
    static final Set<String> COMPANY = Set.of("company", "companyname", "organization", "organisation", "organizace",
            "organizacja", "firma", "nazwafirmy", "spolecnost", "nazevspolecnosti", "societe", "entreprise",
            "virksomhed", "firmanavn", "unternehmen", "bedrijf", "employer");

    static final Set<String> CATEGORY = Set.of("category", "bouncecategory", "kategoria", "kategorie", "categorie",
            "kategori");
    static final Set<String> REASON = Set.of("reason", "bouncereason", "powod", "duvod", "raison", "arsag");
    static final Set<String> FIRST_SEEN = Set.of("firstseen", "firstseenat", "firstbounced", "firstbounce",
            "firstbouncedat", "firstseendate", "datefirstseen");

    private HeaderNames() {
    }

    /** Lower case, letters and digits only, accents removed ("Příjmení" -> "prijmeni", "E-mail" -> "email"). */
    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String s = header.strip().toLowerCase(Locale.ROOT)
                .replace('ł', 'l').replace('ø', 'o').replace("æ", "ae").replace("ß", "ss").replace("œ", "oe");
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The first column whose normalised name is one of {@code names}, or -1. */
    static int find(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(normalise(header.get(i)))) {
                return i;
            }
        }
        return -1;
    }

    /** The first column whose name mentions email ("Work e-mail", "Courriel pro"), or -1: a weaker guess. */
    static int findMentioningEmail(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String n = normalise(header.get(i));
            if (n.contains("email") || n.contains("courriel") || n.endsWith("mail")) {
                return i;
            }
        }
        return -1;
    }
}
