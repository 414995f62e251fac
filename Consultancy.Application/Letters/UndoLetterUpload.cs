using Consultancy.Application.Common.Interfaces;
using MediatR;

namespace Consultancy.Application.Letters;

/// <summary>
/// Takes back an upload recorded by mistake: the letter waits on its referee again, its deadline reopens, and the
/// applicant's reminders and the referee's follow-ups still due are planned again.
/// </summary>
public sealed record UndoLetterUpload(int LetterId) : IRequest<int>;

/// <returns>The client the letter belongs to.</returns>
internal sealed class UndoLetterUploadHandler(IAppDbContext db, LetterStatusChanges changes, TimeProvider clock)
    : IRequestHandler<UndoLetterUpload, int>
{
    public async Task<int> Handle(UndoLetterUpload request, CancellationToken ct)
    {
        var letter = await db.LetterRequests.GetAsync(request.LetterId, ct);
        letter.UndoUpload(clock.GetUtcNow().UtcDateTime);
        await changes.ReplanAsync([letter], ct);
        await db.SaveChangesAsync(ct);
        return letter.ClientId;
    }
}
