using Consultancy.Application.Playbooks;

namespace Consultancy.Web.ViewModels;

/// <summary>One editable playbook item; <see cref="Item"/> is null for the "add" row.</summary>
public sealed record PlaybookItemForm(PlaybookDetails Playbook, string FormKey, PlaybookItemRow? Item);
