package io.bouncedesk.ui.imports;

import io.bouncedesk.service.RejectedRow;

/** One rejected row or item: where it is (a line number, a message name) and why. */
public record ImportProblem(String where, String reason) {

    static ImportProblem of(RejectedRow row) {
        return new ImportProblem(row.line() > 0 ? String.valueOf(row.line()) : "", row.reason());
    }

    /** The services' "position: reason" lines. */
    static ImportProblem of(String problem) {
        int colon = problem.indexOf(": ");
        return colon < 0 ? new ImportProblem("", problem)
                : new ImportProblem(problem.substring(0, colon), problem.substring(colon + 2));
    }
}
