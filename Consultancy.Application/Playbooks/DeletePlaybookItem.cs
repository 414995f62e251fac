using Consultancy.Application.Common;
using Consultancy.Application.Common.Exceptions;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Consultancy.Application.Playbooks;

/// <summary>Removes an item from its playbook; deadlines already planned from it stay, as ordinary deadlines.</summary>
public sealed record DeletePlaybookItem(int ItemId) : IRequest<Unit>;

internal sealed class DeletePlaybookItemHandler(IAppDbContext db, ICurrentUser user) : IRequestHandler<DeletePlaybookItem, Unit>
{
    public async Task<Unit> Handle(DeletePlaybookItem request, CancellationToken ct)
    {
        user.EnsureAdmin();
        var item = await db.PlaybookItems.SingleOrDefaultAsync(i => i.Id == request.ItemId, ct)
            ?? throw new NotFoundException(nameof(PlaybookItem), request.ItemId);
        db.PlaybookItems.Remove(item);
        await db.SaveChangesAsync(ct);
        return Unit.Value;
    }
}
