package dev.sluice.platform.transfer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.sluice.system.Inserts;

/** The SQL of ownership transfers and their items. */
@Repository
class TransferStore {

    enum Status { PENDING, RUNNING, SUCCESS, FAILED, RETRIED }

    record Transfer(long id, long tenantId, long oldOwner, long newOwner, String comment, Status status, Long retryOf,
                    long createdBy, long modifiedBy, long createdAt, long modifiedAt) {
    }

    record Item(String objectType, String objectId, String objectName, Status status, String error) {
    }

    private final JdbcClient jdbc;

    TransferStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, long oldOwner, long newOwner, String comment, Status status, Long retryOf, long userId, long now) {
        return Inserts.newId(jdbc.sql("""
                        insert into ownership_transfer (tenant_id, old_owner, new_owner, comment_text, status, retry_of,
                        created_by, modified_by, created_at, modified_at)
                        values (:tenant, :old, :new, :comment, :status, :retryOf, :user, :user, :now, :now)""")
                .param("tenant", tenantId).param("old", oldOwner).param("new", newOwner).param("comment", comment)
                .param("status", status.name()).param("retryOf", retryOf).param("user", userId).param("now", now));
    }

    Optional<Transfer> find(long tenantId, long id) {
        return jdbc.sql("select * from ownership_transfer where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(TransferStore::transfer).optional();
    }

    Optional<Transfer> find(long id) {
        return jdbc.sql("select * from ownership_transfer where id = :id").param("id", id).query(TransferStore::transfer).optional();
    }

    boolean unfinishedFor(long tenantId, long oldOwner) {
        return jdbc.sql("""
                        select count(*) from ownership_transfer where tenant_id = :tenant and old_owner = :old
                        and status in ('PENDING', 'RUNNING')""")
                .param("tenant", tenantId).param("old", oldOwner).query(Long.class).single() > 0;
    }

    void setStatus(long id, Status status, long modifiedBy, long now) {
        jdbc.sql("update ownership_transfer set status = :status, modified_by = :by, modified_at = :now where id = :id")
                .param("status", status.name()).param("by", modifiedBy).param("now", now).param("id", id).update();
    }

    void insertItem(long transferId, String type, String objectId, String name, Status status, String error) {
        jdbc.sql("""
                        insert into ownership_transfer_item (transfer_id, object_type, object_id, object_name, status, error)
                        values (:transfer, :type, :id, :name, :status, :error)""")
                .param("transfer", transferId).param("type", type).param("id", objectId).param("name", name)
                .param("status", status.name()).param("error", error).update();
    }

    void deleteItem(long transferId, String type, String objectId) {
        jdbc.sql("delete from ownership_transfer_item where transfer_id = :transfer and object_type = :type and object_id = :id")
                .param("transfer", transferId).param("type", type).param("id", objectId).update();
    }

    void markItem(long transferId, String type, String objectId, Status status, String error) {
        jdbc.sql("""
                        update ownership_transfer_item set status = :status, error = :error
                        where transfer_id = :transfer and object_type = :type and object_id = :id""")
                .param("status", status.name()).param("error", error).param("transfer", transferId).param("type", type)
                .param("id", objectId).update();
    }

    List<Item> items(long transferId) {
        return jdbc.sql("select * from ownership_transfer_item where transfer_id = :transfer order by object_type, object_id")
                .param("transfer", transferId)
                .query((rs, i) -> new Item(rs.getString("object_type"), rs.getString("object_id"), rs.getString("object_name"),
                        Status.valueOf(rs.getString("status")), rs.getString("error")))
                .list();
    }

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        long retryOf = rs.getLong("retry_of");
        Long retry = rs.wasNull() ? null : retryOf;
        return new Transfer(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("old_owner"), rs.getLong("new_owner"),
                rs.getString("comment_text"), Status.valueOf(rs.getString("status")), retry, rs.getLong("created_by"),
                rs.getLong("modified_by"), rs.getLong("created_at"), rs.getLong("modified_at"));
    }
}
