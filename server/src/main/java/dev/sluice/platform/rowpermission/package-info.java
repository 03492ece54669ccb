/**
 * Row-level permissions: rules that bind users and user groups to filters over a table's rows. Public here (named
 * interface {@code rowpermission}): {@link dev.sluice.platform.rowpermission.RowRules}, the filters a SQL run applies.
 */
@org.springframework.modulith.NamedInterface("rowpermission")
package dev.sluice.platform.rowpermission;
