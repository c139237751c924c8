import { searchWide } from '../common/listLayout';
import AlarmIcon from '@mui/icons-material/Alarm';
import RepeatIcon from '@mui/icons-material/Repeat';
import FlagIcon from '@mui/icons-material/Flag';
import { Card, CardContent } from '@mui/material';
import {
  AutocompleteArrayInput, AutocompleteInput, BooleanInput, FilterList, FilterListItem, FilterLiveSearch, NullableBooleanInput, NumberInput,
  ReferenceArrayInput, ReferenceInput, SearchInput, SelectArrayInput,
} from 'react-admin';
import { GAP_HEADING, gapChoices, recommendationStatusChoices, responseTimelinessChoices } from '../common/choices';

export const recommendationFilters = [
  <SearchInput key="q" source="q" alwaysOn sx={searchWide} placeholder="Search reference, text or action plan" />,
  <SelectArrayInput key="statuses" source="statuses" label="Status" choices={recommendationStatusChoices} />,
  <ReferenceInput key="ownerId" source="ownerId" reference="organisations">
    <AutocompleteInput label="Owner (and those under it)" optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="reportId" source="reportId" reference="reports">
    <AutocompleteInput label="Report" optionText="title" />
  </ReferenceInput>,
  <ReferenceArrayInput key="themeIds" source="themeIds" reference="themes" perPage={100}>
    <AutocompleteArrayInput label="Themes" optionText="name" />
  </ReferenceArrayInput>,
  <NullableBooleanInput key="priority" source="priority" label="Priority" />,
  <SelectArrayInput key="responseTimeliness" source="responseTimeliness" label="Responses" choices={responseTimelinessChoices} />,
  // Every filter the dashboard's figures open the list with has its input, shown while it applies: the
  // "Open" and "Untouched for 90 days" figures opened a shorter list with nothing saying why.
  <BooleanInput key="open" source="open" label="Open" />,
  <NumberInput key="untouchedForDays" source="untouchedForDays" label="Untouched for (days)" min={1} step={1} />,
  <BooleanInput key="overdue" source="overdue" label="Overdue" />,
  <BooleanInput key="repeatedUnmet" source="repeatedUnmet" label="Repeated and unmet" />,
  <NullableBooleanInput key="unevidenced" source="unevidenced" label="No evidence" />,
  <SelectArrayInput key="gaps" source="gaps" label={GAP_HEADING} choices={gapChoices} />,
];

/** One-click views beside the list. */
export function RecommendationSidebar() {
  return (
    <Card sx={{ order: -1, mr: 2, mt: 8, width: 190, flexShrink: 0, display: { xs: 'none', xl: 'block' } }}>
      <CardContent>
        <FilterLiveSearch source="q" label="Search" />
        <FilterList label="Needs attention" icon={<FlagIcon />}>
          <FilterListItem label="Overdue" value={{ overdue: true }} />
          <FilterListItem label="Repeated and unmet" value={{ repeatedUnmet: true }} />
          <FilterListItem label="No evidence yet" value={{ unevidenced: true }} />
          <FilterListItem label="Open priorities" value={{ priority: true, open: true }} />
          <FilterListItem label="Response missing" value={{ responseTimeliness: ['MISSING'] }} />
          <FilterListItem label="Responded late" value={{ responseTimeliness: ['LATE'] }} />
        </FilterList>
        <FilterList label="Status" icon={<AlarmIcon />}>
          {recommendationStatusChoices.map((choice) => (
            <FilterListItem key={choice.id} label={choice.name} value={{ statuses: [choice.id] }} />
          ))}
        </FilterList>
        <FilterList label="Repeats" icon={<RepeatIcon />}>
          <FilterListItem label="Repeats an earlier one" value={{ repeats: true }} />
          <FilterListItem label="Made for the first time" value={{ repeats: false }} />
        </FilterList>
      </CardContent>
    </Card>
  );
}
