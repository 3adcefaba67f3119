package io.bouncedesk.ui.bounces;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.BounceRow;

/** The reclassify use case ({@code ReclassifyService::reclassify}); it checks permission and rules again. */
@FunctionalInterface
public interface Reclassifier {

    BounceRow reclassify(User user, long bounceId, BounceReason reason, BounceType type, String comment);
}
