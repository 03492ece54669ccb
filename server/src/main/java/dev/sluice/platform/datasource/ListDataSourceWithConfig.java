package dev.sluice.platform.datasource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.source.ConfigItem;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.platform.source.SourceTypes;
import dev.sluice.protocol.PopErrors;

/**
 * Production data sources with their development twins and configuration, a page at a time. Secret items are never
 * part of the answer. Every source has the scope ALL, so a scope filter keeps them all once its values are valid.
 */
@Action("ListDataSourceWithConfig")
final class ListDataSourceWithConfig implements OperationHandler<ListDataSourceWithConfig.Request, ListDataSourceWithConfig.Response> {

    /** The scopes a filter may name; every source has ALL, so any valid filter keeps them all. */
    enum Scope { ALL, STREAMING, OFFLINE, DIP_META_SYNC, DATA_DISTILL }

    record Request(Query listQuery) {
    }

    record Query(String name, List<String> ownerList, Integer page, Integer pageSize, List<Scope> scopeList, String tag, List<String> typeList)
            implements Paging.PageQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(List<Pair> dataSourceList, long totalCount) {
    }

    record Pair(Info devDataSourceInfo, Info prodDataSourceInfo) {
    }

    record Info(List<ConfigItem> configItemList, long createTime, String creator, String creatorName, String description, String env,
                long id, long modifyTime, String name, String owner, String ownerName, String scope, String type) {
    }

    private final DataSourceStore store;
    private final ConfigItemStore items;
    private final TenantUsers users;

    ListDataSourceWithConfig(DataSourceStore store, ConfigItemStore items, TenantUsers users) {
        this.store = store;
        this.items = items;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Query q = request.listQuery();
        Paging paging = q.paging("ListQuery");
        List<Long> owners = new ArrayList<>();
        List<String> ownerList = q.ownerList() == null ? List.of() : q.ownerList();
        for (int i = 0; i < ownerList.size(); i++) {
            String id = ownerList.get(i).trim();
            if (!id.matches("\\d{1,18}")) throw PopErrors.invalidParameter("ListQuery.OwnerList[" + i + "]", "a user id is a number, got '" + id + "'").exception();
            owners.add(Long.parseLong(id));
        }
        List<String> typeList = q.typeList() == null ? List.of() : q.typeList();
        List<String> types = new ArrayList<>();
        for (int i = 0; i < typeList.size(); i++) types.add(SourceTypes.parse(typeList.get(i), "ListQuery.TypeList[" + i + "]").name());
        long tenant = caller.tenant().id();
        var filter = new DataSourceStore.Filter(q.name(), owners, types, q.tag());
        List<DataSource> prods = store.pageProd(tenant, filter, paging);
        Map<Long, DataSource> devByProd = store.devsOf(tenant, prods.stream().map(DataSource::id).toList()).stream()
                .collect(Collectors.toMap(DataSource::prodId, Function.identity()));
        List<DataSource> all = Stream.concat(prods.stream(), devByProd.values().stream()).toList();
        Map<Long, List<ConfigItem>> configs = items.loadAll(SourceKind.DATA, all.stream().map(DataSource::id).toList());
        Map<Long, User> names = users.byId(caller, all.stream().flatMap(d -> Stream.of(d.creatorUserId(), d.ownerUserId())).distinct().toList());
        List<Pair> pairs = prods.stream().map(p -> new Pair(info(devByProd.get(p.id()), configs, names), info(p, configs, names))).toList();
        return new Response(new PageResult(pairs, store.countProd(tenant, filter)));
    }

    private static Info info(DataSource d, Map<Long, List<ConfigItem>> configs, Map<Long, User> names) {
        if (d == null) return null;
        List<ConfigItem> shown = SourceConfig.stored(SourceTypes.parse(d.type(), "type"), configs.getOrDefault(d.id(), List.of())).shown();
        return new Info(shown, d.createdAt(), String.valueOf(d.creatorUserId()), nameOf(names, d.creatorUserId()), d.description(), d.env(), d.id(),
                d.modifiedAt(), d.name(), String.valueOf(d.ownerUserId()), nameOf(names, d.ownerUserId()), d.scope(), d.type());
    }

    private static String nameOf(Map<Long, User> users, long id) {
        User user = users.get(id);
        return user == null ? null : user.displayName();
    }
}
