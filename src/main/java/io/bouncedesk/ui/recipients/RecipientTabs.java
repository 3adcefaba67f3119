package io.bouncedesk.ui.recipients;

import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.persistence.RecipientCounts;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.Map;

/**
 * The tab strip of the Recipients view (#recipientsTabs, #tab-sent ... #tab-notsent) with a live
 * count on each tab. All tabs share one content node (search bar and table), moved into the
 * selected tab, so switching tabs re-queries rather than keeping nine tables.
 */
final class RecipientTabs extends TabPane {

    static final RecipientTab[] SHOWN = {RecipientTab.SENT, RecipientTab.DELIVERED, RecipientTab.OPENED,
            RecipientTab.CLICKED, RecipientTab.BOUNCED, RecipientTab.PENDING, RecipientTab.UNSUBSCRIBED,
            RecipientTab.SPAM, RecipientTab.NOT_SENT};

    private final Map<RecipientTab, Label> countLabels = new EnumMap<>(RecipientTab.class);
    private final Formats formats;

    RecipientTabs(RecipientsViewModel vm, Messages m, Formats formats, Node sharedContent) {
        this.formats = formats;
        setId("recipientsTabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getStyleClass().add("recipient-tabs");
        for (RecipientTab t : SHOWN) {
            Label name = new Label(m.get("tab." + t.cliName()));
            name.getStyleClass().add("tab-name");
            Label count = new Label("–");
            count.getStyleClass().addAll("tab-count", "count-" + t.cliName());
            if (t == RecipientTab.BOUNCED || t == RecipientTab.SPAM || t == RecipientTab.NOT_SENT) {
                count.getStyleClass().add("count-alert");
            }
            countLabels.put(t, count);
            // The count above its name keeps nine tabs narrow enough to fit side by side.
            VBox header = new VBox(0, count, name);
            header.getStyleClass().add("tab-header-content");
            Tab tab = new Tab();
            tab.setId("tab-" + t.cliName());
            tab.setGraphic(header);
            tab.setUserData(t);
            getTabs().add(tab);
        }
        getTabs().get(0).setContent(sharedContent);
        getSelectionModel().selectedItemProperty().subscribe((old, now) -> {
            if (old != null) {
                old.setContent(null);
            }
            if (now != null) {
                now.setContent(sharedContent);
                vm.selectTab((RecipientTab) now.getUserData());
            }
        });
        vm.tabProperty().subscribe(t -> getTabs().stream().filter(tab -> tab.getUserData() == t).findFirst()
                .ifPresent(tab -> getSelectionModel().select(tab)));
        vm.countsProperty().subscribe(this::showCounts);
    }

    private void showCounts(RecipientCounts c) {
        for (RecipientTab t : SHOWN) {
            Label label = countLabels.get(t);
            if (c == null) {
                label.setText("–");
                continue;
            }
            long n = c.of(t);
            label.setText(formats.number(n));
            label.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("zero"), n == 0);
        }
    }

    /** The count shown on a tab, for tests. */
    String countText(RecipientTab tab) {
        return countLabels.get(tab).getText();
    }

}
