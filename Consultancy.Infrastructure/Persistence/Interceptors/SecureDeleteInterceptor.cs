using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Consultancy.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection the app opens (the setting lives on the connection,
/// not in the file). Without it, a deleted or overwritten value stays readable in the file's free space until the
/// page happens to be reused, so erasing a client would not remove them from the database file. With it, SQLite
/// zeroes the freed bytes as it frees them. Costs a little extra writing on deletes and updates that shrink rows.
/// </summary>
internal sealed class SecureDeleteInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(ct);
    }
}
