import CategoryIcon from '@mui/icons-material/Category';

/** Departments of the council applications (read-only): the member form and filters pick from them. */
export default {
  icon: CategoryIcon,
  recordRepresentation: 'name',
};
