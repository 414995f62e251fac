using Consultancy.Application.Letters;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace Consultancy.Web.ViewComponents;

/// <summary>
/// The letter form's choice of the client's applications the letter goes to, by season; read by itself so the form shows
/// it again, with the ticks posted, when its input is refused.
/// </summary>
public sealed class LetterApplicationsViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int clientId, int? letterId, IReadOnlyList<int> selected) =>
        View(new LetterApplicationsModel(clientId, selected.ToHashSet(),
            await mediator.Send(new GetLetterApplicationChoices(clientId, letterId))));
}

public sealed record LetterApplicationsModel(int ClientId, IReadOnlySet<int> Selected, IReadOnlyList<LetterApplicationChoice> Choices);
