using Consultancy.Application.Common;
using Consultancy.Application.Common.Interfaces;
using Consultancy.Application.Domain;
using MediatR;
using ValidationException = Consultancy.Application.Common.Exceptions.ValidationException;

namespace Consultancy.Application.ProgramApplications;

/// <summary>Takes a program still being researched off the client's list; one applied to is withdrawn instead, so its history stays.</summary>
public sealed record RemoveApplication(int Id) : IRequest<int>;

internal sealed class RemoveApplicationHandler(IAppDbContext db) : IRequestHandler<RemoveApplication, int>
{
    public async Task<int> Handle(RemoveApplication request, CancellationToken ct)
    {
        var application = await db.ProgramApplications.GetByIdAsync(request.Id, ct);
        if (application.Status != ApplicationStatus.Researching)
            throw new ValidationException("", "Only a program still being researched can be removed; withdraw an application instead, so its history stays.");
        db.Delete(application);
        await db.SaveChangesAsync(ct);
        return application.ClientId;
    }
}
