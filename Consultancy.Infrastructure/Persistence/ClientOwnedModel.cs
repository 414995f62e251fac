using Consultancy.Application.Domain;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Consultancy.Infrastructure.Persistence;

/// <summary>Where the model keeps the client-owned records (<see cref="IClientOwned"/>) and their link to the client.</summary>
internal static class ClientOwnedModel
{
    public static bool IsClientOwned(this IReadOnlyEntityType type) => type.ClrType.IsAssignableTo(typeof(IClientOwned));

    /// <summary>The column holding the record's client: its <c>ClientId</c>, or a client's own key.</summary>
    public static IReadOnlyProperty ClientKey(this IReadOnlyEntityType type) =>
        type.ClrType == typeof(Client) ? type.FindPrimaryKey()!.Properties.Single() : type.ForeignKeyToClient().Properties.Single();

    public static IReadOnlyForeignKey ForeignKeyToClient(this IReadOnlyEntityType type) =>
        type.GetForeignKeys().SingleOrDefault(fk => fk.PrincipalEntityType.ClrType == typeof(Client))
        ?? throw new InvalidOperationException($"{type.ClrType.Name} is client-owned but has no ClientId with a Client navigation.");

    /// <summary>The record's references to other client-owned records (an email's deadline, call or letter).</summary>
    public static IEnumerable<IReadOnlyForeignKey> ReferencesToClientRecords(this IReadOnlyEntityType type) =>
        type.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType != typeof(Client) && fk.PrincipalEntityType.IsClientOwned());
}
