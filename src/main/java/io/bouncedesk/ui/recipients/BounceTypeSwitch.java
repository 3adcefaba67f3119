package io.bouncedesk.ui.recipients;

import atlantafx.base.theme.Styles;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.RecipientTab;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/** The Bounced tab's All / Hard / Soft switch (#bounceTypeSwitch), each with its count; one is always chosen. */
final class BounceTypeSwitch extends HBox {

    BounceTypeSwitch(RecipientsViewModel vm, Messages m, Formats f) {
        setId("bounceTypeSwitch");
        ToggleGroup group = new ToggleGroup();
        ToggleButton all = toggle("bounceType-all", null, group, Styles.LEFT_PILL);
        ToggleButton hard = toggle("bounceType-hard", BounceType.HARD, group, Styles.CENTER_PILL);
        ToggleButton soft = toggle("bounceType-soft", BounceType.SOFT, group, Styles.RIGHT_PILL);
        vm.countsProperty().subscribe(c -> {
            all.setText(m.get("bounceType.all") + (c == null ? "" : "  " + f.number(c.bounced())));
            hard.setText(m.get("bounceType.HARD") + (c == null ? "" : "  " + f.number(c.hardBounced())));
            soft.setText(m.get("bounceType.SOFT") + (c == null ? "" : "  " + f.number(c.softBounced())));
        });
        vm.bounceTypeProperty().subscribe(t -> group.selectToggle(t == BounceType.HARD ? hard
                : t == BounceType.SOFT ? soft : all));
        group.selectedToggleProperty().subscribe((old, now) -> {
            if (now == null) {
                group.selectToggle(old);
            } else {
                vm.selectBounceType((BounceType) now.getUserData());
            }
        });
        getChildren().addAll(all, hard, soft);
        visibleProperty().bind(vm.tabProperty().isEqualTo(RecipientTab.BOUNCED));
        managedProperty().bind(visibleProperty());
    }

    private static ToggleButton toggle(String id, BounceType type, ToggleGroup group, String pill) {
        ToggleButton b = new ToggleButton();
        b.setId(id);
        b.setUserData(type);
        b.setToggleGroup(group);
        b.getStyleClass().add(pill);
        return b;
    }
}
