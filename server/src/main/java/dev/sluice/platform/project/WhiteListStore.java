package dev.sluice.platform.project;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The whitelist of a project: addresses and ports its compute may reach, in the order given. */
@Component
class WhiteListStore {

    record Entry(String ip, String port, String description) {
    }

    private final JdbcClient jdbc;

    WhiteListStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Entry> of(long projectId) {
        return jdbc.sql("select ip, port, description from project_white_list where project_id = ? order by seq").params(projectId)
                .query((rs, n) -> new Entry(rs.getString("ip"), rs.getString("port"), rs.getString("description"))).list();
    }

    void replace(long projectId, List<Entry> entries) {
        jdbc.sql("delete from project_white_list where project_id = ?").params(projectId).update();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            jdbc.sql("insert into project_white_list (project_id, seq, ip, port, description) values (?, ?, ?, ?, ?)")
                    .params(projectId, i, e.ip(), e.port(), e.description()).update();
        }
    }
}
