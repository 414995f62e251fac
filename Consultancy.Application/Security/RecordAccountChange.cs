using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;

namespace Consultancy.Application.Security;

/// <summary>
/// Logs a change a user made to how their own account is secured (password reset or changed, two-factor switched),
/// under that account's address: a password reset from an emailed link has no signed-in user to name.
/// </summary>
public sealed record RecordAccountChange(string Email, SecurityEventKind Kind) : IRequest<Unit>;

internal sealed class RecordAccountChangeHandler(IAppDbContext db, SecurityLog log) : IRequestHandler<RecordAccountChange, Unit>
{
    public async Task<Unit> Handle(RecordAccountChange request, CancellationToken ct)
    {
        await log.RecordAsync(request.Kind, subject: null, detail: null, ct, actor: request.Email.Trim().ToLowerInvariant());
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
