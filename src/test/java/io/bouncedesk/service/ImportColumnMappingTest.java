package io.bouncedesk.service;

import io.bouncedesk.service.ColumnMapping.Field;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Header names suggest the mapping in English, Polish, Czech, French and Danish; the user can change it. */
class ImportColumnMappingTest {

    static Map<String, String> suggest(String... header) {
        return ColumnMapping.suggest(List.of(header)).describe();
    }

    @Test
    void suggestsFromHeaderNamesInFiveLanguages() {
        Map<String, String> all = Map.of("email", "", "first_name", "", "last_name", "", "company", "");
        assertThat(suggest("Email Address", "First Name", "Last Name", "Company"))
                .containsOnlyKeys(all.keySet()).containsEntry("email", "Email Address").containsEntry("company", "Company");
        assertThat(suggest("Imię", "Nazwisko", "Adres e-mail", "Firma"))
                .containsEntry("email", "Adres e-mail").containsEntry("first_name", "Imię")
                .containsEntry("last_name", "Nazwisko").containsEntry("company", "Firma");
        assertThat(suggest("Jméno", "Příjmení", "E-mail", "Společnost"))
                .containsEntry("email", "E-mail").containsEntry("first_name", "Jméno")
                .containsEntry("last_name", "Příjmení").containsEntry("company", "Společnost");
        assertThat(suggest("Prénom", "Nom", "Courriel", "Société"))
                .containsEntry("email", "Courriel").containsEntry("first_name", "Prénom")
                .containsEntry("last_name", "Nom").containsEntry("company", "Société");
        assertThat(suggest("Fornavn", "Efternavn", "E-mailadresse", "Virksomhed"))
                .containsEntry("email", "E-mailadresse").containsEntry("first_name", "Fornavn")
                .containsEntry("last_name", "Efternavn").containsEntry("company", "Virksomhed");
        assertThat(suggest("Adresse e-mail", "Prénom", "Nom de famille")).containsEntry("email", "Adresse e-mail")
                .containsEntry("last_name", "Nom de famille");
        assertThat(suggest(" E_MAIL ", "first_name", "last_name", "COMPANY"))
                .as("our own export header, any case").containsOnlyKeys(all.keySet());
    }

    @Test
    void aHeaderMerelyMentioningEmailIsTheFallbackAndUnknownColumnsStayUnmapped() {
        assertThat(suggest("Name", "Work e-mail", "Notes")).containsOnly(Map.entry("email", "Work e-mail"));
        assertThat(suggest("Imię i nazwisko", "Telefon")).isEmpty();
        assertThat(ColumnMapping.suggestField("Příjmení")).contains(Field.LAST_NAME);
        assertThat(ColumnMapping.suggestField("Telefon")).isEmpty();
    }

    @Test
    void theUserChangesTheMappingByPositionNameOrNumber() {
        ColumnMapping m = ColumnMapping.suggest(List.of("Courriel", "Prénom", "Nom", "Société", "Courriel pro"));
        ColumnMapping changed = m.with(Field.EMAIL, "courriel PRO").with(Field.COMPANY, -1).with(Field.FIRST_NAME, "3");
        assertThat(changed.describe()).containsOnly(Map.entry("email", "Courriel pro"), Map.entry("first_name", "Nom"));
        assertThat(changed.column(Field.LAST_NAME)).as("a column serves one field").isEmpty();
        assertThat(m.column(Field.EMAIL)).hasValue(0);
        assertThatThrownBy(() -> m.with(Field.EMAIL, "Telefon")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no column 'Telefon'");
        assertThatThrownBy(() -> m.with(Field.EMAIL, 9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> m.with(Field.EMAIL, "0")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Field.fromId("first-name")).isEqualTo(Field.FIRST_NAME);
        assertThatThrownBy(() -> Field.fromId("phone")).isInstanceOf(IllegalArgumentException.class);
    }
}
