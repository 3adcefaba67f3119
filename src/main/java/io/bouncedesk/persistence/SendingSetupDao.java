package io.bouncedesk.persistence;

import org.jdbi.v3.core.Handle;

import java.util.List;

/** Sending domains and sending IP addresses. */
public final class SendingSetupDao {

    public long addDomain(Handle h, String domain, boolean connected, String spf, String dkim, String dmarc) {
        return h.createUpdate("INSERT INTO sending_domain (domain, connected, spf, dkim, dmarc)"
                        + " VALUES (:d, :c, :spf, :dkim, :dmarc)")
                .bind("d", domain).bind("c", connected).bind("spf", spf).bind("dkim", dkim).bind("dmarc", dmarc)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public List<SendingDomainRow> domains(Handle h) {
        return h.createQuery("SELECT * FROM sending_domain ORDER BY domain")
                .map((rs, ctx) -> new SendingDomainRow(rs.getLong("id"), rs.getString("domain"),
                        rs.getBoolean("connected"), rs.getString("spf"), rs.getString("dkim"), rs.getString("dmarc")))
                .list();
    }

    public long connectedDomainCount(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM sending_domain WHERE connected = TRUE").mapTo(Long.class).one();
    }

    public void setConnected(Handle h, String domain, boolean connected) {
        h.createUpdate("UPDATE sending_domain SET connected = :c WHERE domain = :d")
                .bind("c", connected).bind("d", domain).execute();
    }

    public void addIp(Handle h, String ip, String label) {
        h.createUpdate("INSERT INTO sending_ip (ip, label) VALUES (:ip, :label)").bind("ip", ip).bind("label", label).execute();
    }

    public List<String> ips(Handle h) {
        return h.createQuery("SELECT ip FROM sending_ip ORDER BY id").mapTo(String.class).list();
    }
}
