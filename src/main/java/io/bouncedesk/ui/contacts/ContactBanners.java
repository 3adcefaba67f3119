package io.bouncedesk.ui.contacts;

import atlantafx.base.theme.Styles;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.service.ContactDetails;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The two banners of the record: "Contact has bounced" with the bounce and the Unbounce action
 * (which says why when it cannot be used), and "Contact has bounced globally" (no unbounce).
 */
final class ContactBanners extends VBox {

    ContactBanners(ContactRecordViewModel vm, Messages m, Formats f) {
        super(8);
        getChildren().addAll(bounced(vm, m, f), global(vm, m));
    }

    private static HBox bounced(ContactRecordViewModel vm, Messages m, Formats f) {
        Label title = new Label(m.get("contact.bounced.title"));
        title.getStyleClass().addAll("banner-title");
        Label facts = new Label();
        facts.setId("bouncedFacts");
        facts.setWrapText(true);
        vm.detailsProperty().subscribe(d -> facts.setText(d == null ? "" : facts(d, m, f)));
        facts.setMinHeight(Region.USE_PREF_SIZE);
        VBox text = new VBox(4, title, facts);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);

        Button unbounce = new Button(m.get("contact.unbounce"), new FontIcon(Feather.ROTATE_CCW));
        unbounce.setId("unbounceButton");
        unbounce.setMinWidth(Region.USE_PREF_SIZE); // the French and Polish terms are long: never cut them
        unbounce.getStyleClass().add(Styles.DANGER);
        unbounce.disableProperty().bind(vm.mayOpenUnbounceProperty().not());
        unbounce.setOnAction(e -> vm.openUnbounce());
        Label blocked = new Label();
        blocked.setId("unbounceBlocked");
        blocked.getStyleClass().add("banner-why");
        blocked.setWrapText(true);
        blocked.setMaxWidth(340);
        blocked.textProperty().bind(vm.unbounceBlockedProperty());
        blocked.visibleProperty().bind(vm.unbounceBlockedProperty().isNotEmpty());
        blocked.managedProperty().bind(blocked.visibleProperty());
        VBox action = new VBox(6, unbounce, blocked);
        action.setAlignment(Pos.TOP_RIGHT);
        action.setMinWidth(Region.USE_PREF_SIZE); // the text beside it wraps instead of running under the button

        FontIcon icon = new FontIcon(Feather.ALERT_OCTAGON);
        icon.getStyleClass().add("banner-icon");
        HBox banner = new HBox(12, icon, text, action);
        banner.setId("bouncedBanner");
        banner.getStyleClass().addAll("contact-banner", "banner-bounced");
        banner.visibleProperty().bind(vm.bouncedProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** "Unknown user · userunknown — 550 5.1.1 mailbox unavailable · 12 Nov 2026, 10:02 · from the email Autumn sale". */
    static String facts(ContactDetails d, Messages m, Formats f) {
        BounceRow b = d.hardBounce().orElse(null);
        if (b == null) {
            return "";
        }
        String smtp = ((b.replyCode() == null ? "" : b.replyCode()) + " "
                + (b.smtpStatus() == null ? "" : b.smtpStatus())).strip();
        return m.format("contact.bounced.facts", m.of("category", b.category()), b.reason().code(),
                smtp.isEmpty() ? "—" : smtp, f.dateTime(b.occurredAt()),
                b.emailName() == null ? m.get("contact.bounced.noEmail") : b.emailName(), b.address())
                + (b.convertedFromSoft() ? "\n" + m.get("contact.history.converted") : "")
                + (b.diagnostic() == null || b.diagnostic().isBlank() ? "" : "\n" + b.diagnostic());
    }

    private static HBox global(ContactRecordViewModel vm, Messages m) {
        Label title = new Label(m.get("contact.global.title"));
        title.getStyleClass().add("banner-title");
        Label text = new Label();
        text.setId("globalBouncedText");
        text.setWrapText(true);
        text.textProperty().bind(vm.globalTextProperty());
        text.setMinHeight(Region.USE_PREF_SIZE);
        Label noUnbounce = new Label(m.get("contact.global.noUnbounce"));
        noUnbounce.getStyleClass().add("banner-why");
        noUnbounce.setWrapText(true);
        VBox box = new VBox(4, title, text, noUnbounce);
        box.setMinWidth(0);
        HBox.setHgrow(box, Priority.ALWAYS);
        FontIcon icon = new FontIcon(Feather.GLOBE);
        icon.getStyleClass().add("banner-icon");
        HBox banner = new HBox(12, icon, box);
        banner.setId("globalBouncedBanner");
        banner.getStyleClass().addAll("contact-banner", "banner-global");
        banner.visibleProperty().bind(vm.globallyBouncedProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
